using System.Collections;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Spec;

public sealed class SpecReaderTests
{
    /// <summary>Every property of every model class, each with a value that is not its type's default.</summary>
    private const string EverythingSet = """
        {
          "ociVersion": "1.3.0",
          "process": {
            "terminal": true,
            "consoleSize": {"height": 24, "width": 80},
            "user": {"uid": 1, "gid": 2, "umask": 18, "additionalGids": [5, 6], "username": "someone"},
            "args": ["sh", "-c", "true"],
            "commandLine": "sh -c true",
            "env": ["PATH=/bin", "TERM=xterm"],
            "cwd": "/work",
            "capabilities": {
              "bounding": ["CAP_KILL"], "effective": ["CAP_CHOWN"], "inheritable": ["CAP_FOWNER"],
              "permitted": ["CAP_SETUID"], "ambient": ["CAP_SETGID"]
            },
            "rlimits": [{"type": "RLIMIT_NOFILE", "hard": 18446744073709551615, "soft": 512}],
            "noNewPrivileges": true,
            "apparmorProfile": "profile",
            "oomScoreAdj": -999,
            "scheduler": {
              "policy": "SCHED_DEADLINE", "nice": -5, "priority": 2, "flags": ["SCHED_FLAG_RESET_ON_FORK"],
              "runtime": 10, "deadline": 20, "period": 30
            },
            "selinuxLabel": "system_u:system_r:container_t:s0",
            "ioPriority": {"class": "IOPRIO_CLASS_BE", "priority": 4},
            "execCPUAffinity": {"initial": "0-1", "final": "2,3"}
          },
          "root": {"path": "rootfs", "readonly": true},
          "hostname": "host",
          "domainname": "example.test",
          "mounts": [
            {
              "destination": "/data", "type": "none", "source": "/srv", "options": ["rbind", "idmap"],
              "uidMappings": [{"containerID": 7, "hostID": 1000, "size": 10}],
              "gidMappings": [{"containerID": 8, "hostID": 2000, "size": 20}]
            }
          ],
          "hooks": {
            "prestart": [{"path": "/bin/prestart", "args": ["a"], "env": ["A=1"], "timeout": 1}],
            "createRuntime": [{"path": "/bin/createRuntime", "args": ["b"], "env": ["B=2"], "timeout": 2}],
            "createContainer": [{"path": "/bin/createContainer", "args": ["c"], "env": ["C=3"], "timeout": 3}],
            "startContainer": [{"path": "/bin/startContainer", "args": ["d"], "env": ["D=4"], "timeout": 4}],
            "poststart": [{"path": "/bin/poststart", "args": ["e"], "env": ["E=5"], "timeout": 5}],
            "poststop": [{"path": "/bin/poststop", "args": ["f"], "env": ["F=6"], "timeout": 6}]
          },
          "annotations": {"com.example.key": "value", "org.example/other": "x"},
          "linux": {
            "uidMappings": [{"containerID": 1, "hostID": 100000, "size": 65536}],
            "gidMappings": [{"containerID": 2, "hostID": 200000, "size": 65535}],
            "sysctl": {"net.ipv4.ip_forward": "1"},
            "resources": {
              "devices": [{"allow": true, "type": "c", "major": 1, "minor": 3, "access": "rwm"}],
              "memory": {
                "limit": 1073741824, "reservation": 536870912, "swap": 2147483648, "kernel": -1, "kernelTCP": -2,
                "swappiness": 60, "disableOOMKiller": true, "useHierarchy": true, "checkBeforeUpdate": true
              },
              "cpu": {
                "shares": 1024, "quota": 50000, "burst": 1000, "period": 100000, "realtimeRuntime": 950000,
                "realtimePeriod": 1000000, "cpus": "0-1", "mems": "0", "idle": 1
              },
              "pids": {"limit": 100},
              "blockIO": {
                "weight": 500, "leafWeight": 300,
                "weightDevice": [{"major": 8, "minor": 1, "weight": 501, "leafWeight": 301}],
                "throttleReadBpsDevice": [{"major": 8, "minor": 2, "rate": 600}],
                "throttleWriteBpsDevice": [{"major": 8, "minor": 3, "rate": 601}],
                "throttleReadIOPSDevice": [{"major": 8, "minor": 4, "rate": 602}],
                "throttleWriteIOPSDevice": [{"major": 8, "minor": 5, "rate": 603}]
              },
              "hugepageLimits": [{"pageSize": "2MB", "limit": 2097152}],
              "network": {"classID": 1048577, "priorities": [{"name": "eth0", "priority": 500}]},
              "rdma": {"mlx5_1": {"hcaHandles": 3, "hcaObjects": 10000}},
              "unified": {"memory.high": "1073741824"}
            },
            "cgroupsPath": "/runtime/c1",
            "namespaces": [{"type": "pid", "path": "/proc/1/ns/pid"}, {"type": "network", "path": "/run/netns/x"}],
            "devices": [{"path": "/dev/fuse", "type": "c", "major": 10, "minor": 229, "fileMode": 438, "uid": 3, "gid": 4}],
            "netDevices": {"eth0": {"name": "ctr0"}},
            "seccomp": {
              "defaultAction": "SCMP_ACT_ERRNO",
              "defaultErrnoRet": 1,
              "architectures": ["SCMP_ARCH_X86_64"],
              "flags": ["SECCOMP_FILTER_FLAG_LOG"],
              "listenerPath": "/run/agent.sock",
              "listenerMetadata": "meta",
              "syscalls": [
                {
                  "names": ["clone"], "action": "SCMP_ACT_NOTIFY", "errnoRet": 2,
                  "args": [{"index": 1, "value": 2, "valueTwo": 3, "op": "SCMP_CMP_MASKED_EQ"}]
                }
              ]
            },
            "rootfsPropagation": "slave",
            "maskedPaths": ["/proc/kcore"],
            "readonlyPaths": ["/proc/sys"],
            "mountLabel": "system_u:object_r:container_file_t:s0",
            "intelRdt": {
              "closID": "c1", "schemata": ["L3:0=f"], "l3CacheSchema": "L3:0=f", "memBwSchema": "MB:0=20",
              "enableMonitoring": true
            },
            "memoryPolicy": {"mode": "MPOL_BIND", "nodes": "0-1", "flags": ["MPOL_F_STATIC_NODES"]},
            "personality": {"domain": "LINUX32", "flags": ["SHORT_INODE"]},
            "timeOffsets": {"monotonic": {"secs": -10, "nanosecs": 5}}
          }
        }
        """;

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    private static RuntimeSpec ViaSerializer(byte[] json) => SpecParser.Parse(json, SpecJsonContext.Default.RuntimeSpec);

    /// <summary>The re-serialized config, or the error message: what a reader's caller can observe.</summary>
    private static string Outcome(Func<RuntimeSpec> read)
    {
        try
        {
            return Specs.Json(read());
        }
        catch (SpecException ex)
        {
            return $"error at \"{ex.Pointer}\": {ex.Message}";
        }
    }

    private static void ShouldReadLikeTheSerializer(byte[] json) =>
        Outcome(() => SpecReader.Read(json)).ShouldBe(Outcome(() => ViaSerializer(json)));

    // ---- same result as the source-generated deserializer ----

    [SchemaTheory]
    [MemberData(nameof(UpstreamSchemaTests.GoodConfigFixtures), MemberType = typeof(UpstreamSchemaTests))]
    public void GoodConfigFixtureReadsLikeTheSerializer(string fixture)
    {
        var json = File.ReadAllBytes(SharedSchema.PathOf($"test/config/good/{fixture}"));

        Specs.Json(SpecReader.Read(json)).ShouldBe(Specs.Json(ViaSerializer(json)));
    }

    public static TheoryData<string> GeneratedSpecs() => new() { "default", "rootless", "full" };

    [Theory]
    [MemberData(nameof(GeneratedSpecs))]
    public void GeneratedSpecReadsLikeTheSerializer(string which)
    {
        var spec = which switch
        {
            "default" => DefaultSpec.Create(),
            "rootless" => DefaultSpec.CreateRootless(1000, 1000),
            _ => FullSpec.Create(),
        };
        var json = Utf8(Specs.Json(spec));

        Specs.Json(SpecReader.Read(json)).ShouldBe(Specs.Json(ViaSerializer(json)));
    }

    [Fact]
    public void EverythingSetReadsLikeTheSerializer()
    {
        var json = Utf8(EverythingSet);

        Specs.Json(SpecReader.Read(json)).ShouldBe(Specs.Json(ViaSerializer(json)));
    }

    [Fact]
    public void EverythingSetReallySetsEveryModelProperty()
    {
        // Guards the fixture above: a property added to the model without a value there fails here, not silently.
        var unset = new List<string>();
        FindUnset(ViaSerializer(Utf8(EverythingSet)), SpecJsonContext.Default.RuntimeSpec, "", unset);

        unset.ShouldBeEmpty();
    }

    [Fact]
    public void OverloadsAgree()
    {
        var json = Utf8(EverythingSet);
        var expected = Specs.Json(SpecReader.Read(json.AsSpan()));

        Specs.Json(SpecReader.Read(json)).ShouldBe(expected);
        Specs.Json(SpecReader.Read(new ReadOnlyMemory<byte>(json))).ShouldBe(expected);
        Specs.Json(SpecReader.Read(EverythingSet)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"Process": {"args": 1}, "ROOT": {"path": 5}}""")]
    [InlineData("""{"ociVersion": "1.0.0", "x-extension": {"deep": [1, {"a": [null, true]}]}, "hostname": "h"}""")]
    [InlineData("""{"process": {"args": ["a"]}, "a\u006Enotations": {"\u0078": "y"}}""")]
    [InlineData("""{"ociVersion": "1.0.0", "ociVersion": "1.2.0", "annotations": {"a": "1", "a": "2"}}""")]
    [InlineData("""{"mounts": [{"destination": "/a"}], "mounts": null, "hooks": null, "linux": null}""")]
    [InlineData("""{"process": {"user": null, "args": null, "terminal": null, "oomScoreAdj": null}}""")]
    [InlineData("""{"mounts": [null, {"destination": "/a"}], "hooks": {"prestart": [null]}}""")]
    [InlineData("""{"linux": {"netDevices": {"a": null}, "rdma": null, "timeOffsets": {"x": null}}}""")]
    [InlineData("""{"process": {"user": {"uid": 4294967295, "gid": 0, "umask": 0}, "oomScoreAdj": -2147483648}}""")]
    [InlineData("""{"linux": {"resources": {"memory": {"limit": -9223372036854775808, "swappiness": 18446744073709551615}}}}""")]
    [InlineData("""{"linux": {"resources": {"blockIO": {"weight": 65535, "leafWeight": 0}}}}""")]
    [InlineData("""{"linux": {"timeOffsets": {"a": {"secs": 9223372036854775807, "nanosecs": 4294967295}}}}""")]
    [InlineData("""  {"hostname": "\u00e9\ud83d\ude00\t"}  """)]
    [InlineData("""{}""")]
    public void EdgeCasesReadLikeTheSerializer(string json) => ShouldReadLikeTheSerializer(Utf8(json));

    // ---- wrong types ----

    [Theory]
    [InlineData("""{"process": {"args": [1]}}""", "/process/args/0", "a string")]
    [InlineData("""{"process": {"user": {"uid": "0"}}}""", "/process/user/uid", "a uint32")]
    [InlineData("""{"process": {"user": {"uid": -1}}}""", "/process/user/uid", "a uint32")]
    [InlineData("""{"process": {"user": {"gid": 4294967296}}}""", "/process/user/gid", "a uint32")]
    [InlineData("""{"process": {"user": {"uid": 1.5}}}""", "/process/user/uid", "a uint32")]
    [InlineData("""{"process": {"user": {"uid": null}}}""", "/process/user/uid", "a uint32")]
    [InlineData("""{"process": {"user": {"additionalGids": [1, null]}}}""", "/process/user/additionalGids/1", "a uint32")]
    [InlineData("""{"process": {"user": []}}""", "/process/user", "an object")]
    [InlineData("""{"process": {"args": {}}}""", "/process/args", "an array")]
    [InlineData("""{"process": {"terminal": "true"}}""", "/process/terminal", "a boolean")]
    [InlineData("""{"process": {"oomScoreAdj": 2147483648}}""", "/process/oomScoreAdj", "an int32")]
    [InlineData("""{"process": {"consoleSize": {"height": -1}}}""", "/process/consoleSize/height", "a uint64")]
    [InlineData("""{"linux": {"uidMappings": [{"containerID": 0, "hostID": 4294967296}]}}""", "/linux/uidMappings/0/hostID", "a uint32")]
    [InlineData("""{"linux": {"resources": {"memory": {"limit": 9223372036854775808}}}}""", "/linux/resources/memory/limit", "an int64")]
    [InlineData("""{"linux": {"resources": {"blockIO": {"weight": 65536}}}}""", "/linux/resources/blockIO/weight", "a uint16")]
    [InlineData("""{"linux": {"resources": {"devices": [{"allow": null}]}}}""", "/linux/resources/devices/0/allow", "a boolean")]
    [InlineData("""{"linux": {"resources": {"network": {"classID": -1}}}}""", "/linux/resources/network/classID", "a uint32")]
    [InlineData("""{"linux": {"netDevices": {"eth0": {"name": 3}}}}""", "/linux/netDevices/eth0/name", "a string")]
    [InlineData("""{"linux": {"netDevices": []}}""", "/linux/netDevices", "an object")]
    [InlineData("""{"linux": {"seccomp": {"syscalls": [{"args": [{"index": 0, "value": -1}]}]}}}""", "/linux/seccomp/syscalls/0/args/0/value", "a uint64")]
    [InlineData("""{"annotations": {"org.example/key": 1}}""", "/annotations/org.example~1key", "a string")]
    [InlineData("""{"hooks": {"poststop": [{"timeout": 1e3}]}}""", "/hooks/poststop/0/timeout", "an int32")]
    [InlineData("""[]""", "", "an object")]
    public void WrongTypeNamesThePointerAndTheExpectedType(string json, string pointer, string expected)
    {
        var problem = Should.Throw<SpecException>(() => SpecReader.Read(Utf8(json)));

        problem.Pointer.ShouldBe(pointer);
        problem.Cause.ShouldStartWith($"invalid value, expected {expected} (line 1, byte ");
        problem.Message.ShouldBe(Should.Throw<SpecException>(() => ViaSerializer(Utf8(json))).Message);
    }

    [Fact]
    public void WrongTypeOnALaterLineGivesThatLineAndByte()
    {
        var json = "{\n  \"process\": {\n    \"user\": {\"uid\": 0, \"gid\": \"zero\"}\n  }\n}";

        var problem = Should.Throw<SpecException>(() => SpecReader.Read(Utf8(json)));

        problem.Message.ShouldBe("/process/user/gid: invalid value, expected a uint32 (line 3, byte 37)");
    }

    [Theory]
    [InlineData("""{"process": {"args": ["sh", null]}}""", "/process/args/1")]
    [InlineData("""{"process": {"env": [null]}}""", "/process/env/0")]
    [InlineData("""{"linux": {"maskedPaths": ["/a", null]}}""", "/linux/maskedPaths/1")]
    [InlineData("""{"annotations": {"a": null}}""", "/annotations/a")]
    public void NullStringInsideAnArrayOrMapIsAWrongType(string json, string pointer)
    {
        // Deliberately stricter than the serializer, which would store a null the runtime could not use.
        var problem = Should.Throw<SpecException>(() => SpecReader.Read(Utf8(json)));

        problem.Pointer.ShouldBe(pointer);
        problem.Cause.ShouldStartWith("invalid value, expected a string (line 1, byte ");
    }

    [Fact]
    public void NullDocumentIsRejected()
    {
        var problem = Should.Throw<SpecException>(() => SpecReader.Read("null"u8));

        problem.Pointer.ShouldBe("");
        problem.Message.ShouldBe("the document must be a JSON object, not null");
    }

    // ---- syntax errors ----

    [Fact]
    public void SyntaxErrorKeepsPointerLineAndByte()
    {
        var json = "{\n  \"ociVersion\": \"1.0.0\",\n  \"process\": {\n    \"args\": [\"sh\" \"-c\"]\n  }\n}";

        var problem = Should.Throw<SpecException>(() => SpecReader.Read(Utf8(json)));

        problem.Pointer.ShouldBe("/process/args/1");
        problem.Cause.ShouldStartWith("invalid JSON: ");
        problem.Cause.ShouldEndWith("(line 4, byte 19)");
        problem.Message.ShouldBe(Should.Throw<SpecException>(() => ViaSerializer(Utf8(json))).Message);
    }

    [Theory]
    [InlineData("""{"ociVersion": "1.0.0",}""")]
    [InlineData("""{"mounts": [{"destination": "/a"},]}""")]
    [InlineData("""{"ociVersion": "1.0.0" /* comment */}""")]
    [InlineData("// comment\n{\"ociVersion\": \"1.0.0\"}")]
    [InlineData("""{"ociVersion": "1.0.0"} trailing""")]
    [InlineData("""{"ociVersion": "1.0.0"}{}""")]
    [InlineData("""null x""")]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData("""{"ociVersion": '1.0.0'}""")]
    [InlineData("""{ociVersion: "1.0.0"}""")]
    [InlineData("""{"process": {"user": {"uid": 01}}}""")]
    [InlineData("""{"process": {"user": {"uid": 1}""")]
    [InlineData("""{"linux": {"sysctl": {"a.b": "x", "c" 1}}}""")]
    [InlineData("""{"linux": {"sysctl": {"a.b": "x"} """)]
    [InlineData("""{"linux": {"netDevices": {"e": null, "f": {"name": "x"}, }}}""")]
    [InlineData("""{"process": {"args": ["a", "b"], "foo": {"x": [1, }}""")]
    [InlineData("""{"hostname": "a\qb"}""")]
    public void InvalidJsonIsReportedLikeTheSerializer(string json)
    {
        var problem = Should.Throw<SpecException>(() => SpecReader.Read(Utf8(json)));

        problem.Cause.ShouldStartWith("invalid JSON: ");
        problem.Cause.ShouldContain("(line ");
        problem.Message.ShouldBe(Should.Throw<SpecException>(() => ViaSerializer(Utf8(json))).Message);
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsReportedLikeTheSerializer() =>
        ShouldReadLikeTheSerializer(Utf8($$"""{"x": {{new string('[', 70)}}{{new string(']', 70)}}}"""));

    [Fact]
    public void BrokenTextIsReportedLikeTheSerializer()
    {
        byte[][] documents =
        [
            Utf8("""{"process": {"args": ["\uD800"]}}"""),
            Utf8("""{"process": {"a\uD800b": 1, "args": ["x"]}}"""),
            Utf8("""{"annotations": {"a": "x", "a\uD800b": "x"}}"""),
            [.. Utf8("""{"process": {"a"""), 0xFF, .. Utf8("""b": 1, "args": ["x"]}}""")],
            [.. Utf8("""{"process": {"a"""), 0xFF, .. Utf8("""b": [1, }, "args": ["x"]}}""")],
            [.. Utf8("""{"process": {"args": ["a"""), 0xFF, .. Utf8("""b"]}}""")],
            [.. Utf8("""{"annotations": {"a"""), 0xFF, .. Utf8("""b": "x"}}""")],
            Utf8("{\"process\": {\"args\": [\"a\u0001\"]}}"),
        ];

        foreach (var json in documents)
            ShouldReadLikeTheSerializer(json);
    }

    // ---- exhaustive comparisons on damaged copies of the everything-set config ----

    public static TheoryData<string> Layouts() => new() { "indented", "compact" };

    private static byte[] EverythingSetIn(string layout) =>
        layout == "compact"
            ? Utf8(System.Text.Json.Nodes.JsonNode.Parse(EverythingSet)!.ToJsonString())
            : Utf8(EverythingSet);

    [Theory]
    [MemberData(nameof(Layouts))]
    public void EveryTruncationIsReportedLikeTheSerializer(string layout)
    {
        var json = EverythingSetIn(layout);
        var mismatches = new List<string>();
        for (var length = 0; length < json.Length; length++)
            CompareOn(json[..length], $"first {length} bytes", mismatches);

        mismatches.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void EverySingleByteDamageIsReportedLikeTheSerializer(string layout)
    {
        var json = EverythingSetIn(layout);
        var mismatches = new List<string>();
        foreach (var replacement in "{}[],:\"1-x \\"u8.ToArray())
        {
            for (var at = 0; at < json.Length; at++)
            {
                if (json[at] == replacement)
                    continue;
                var damaged = (byte[])json.Clone();
                damaged[at] = replacement;
                CompareOn(damaged, $"byte {at} -> '{(char)replacement}'", mismatches);
            }
        }

        mismatches.ShouldBeEmpty();
    }

    private static void CompareOn(byte[] json, string what, List<string> mismatches)
    {
        var expected = Outcome(() => ViaSerializer(json));
        var actual = Outcome(() => SpecReader.Read(json));
        if (actual != expected && mismatches.Count < 20)
            mismatches.Add($"{what}: reader gave {actual}, serializer gave {expected}");
    }

    // ---- helpers ----

    private static void FindUnset(object value, JsonTypeInfo typeInfo, string pointer, List<string> unset)
    {
        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object:
                foreach (var property in typeInfo.Properties)
                {
                    var at = $"{pointer}/{property.Name}";
                    var propertyValue = property.Get!(value);
                    if (IsUnset(propertyValue, property.PropertyType))
                        unset.Add(at);
                    else
                        FindUnset(propertyValue!, SpecJsonContext.Default.GetTypeInfo(property.PropertyType)!, at, unset);
                }
                break;
            case JsonTypeInfoKind.Enumerable:
                var elementType = typeInfo.ElementType!;
                var index = 0;
                foreach (var element in (IEnumerable)value)
                    FindUnset(element, SpecJsonContext.Default.GetTypeInfo(elementType)!, $"{pointer}/{index++}", unset);
                if (index == 0)
                    unset.Add($"{pointer} (empty)");
                break;
            case JsonTypeInfoKind.Dictionary:
                var valueType = typeInfo.ElementType!;
                var count = 0;
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    count++;
                    FindUnset(entry.Value!, SpecJsonContext.Default.GetTypeInfo(valueType)!, $"{pointer}/{entry.Key}", unset);
                }
                if (count == 0)
                    unset.Add($"{pointer} (empty)");
                break;
        }
    }

    private static bool IsUnset(object? value, Type type)
    {
        if (value is null)
            return true;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsValueType && value.Equals(Activator.CreateInstance(underlying));
    }
}
