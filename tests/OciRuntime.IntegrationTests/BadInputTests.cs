using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

/// <summary>
/// Bad input gets one line naming the field as a JSON pointer, a non-zero exit, and nothing left behind:
/// no state directory, no cgroup on any hierarchy, no process.
/// </summary>
public sealed class BadInputTests : ContainerTest
{
    public static TheoryData<string, string> Cases => new()
    {
        { "unknown-namespace", "/linux/namespaces/6/type" },
        { "empty-args", "/process/args" },
        { "relative-cwd", "/process/cwd" },
        { "unsupported-version", "/ociVersion" },
        { "missing-rootfs", "/root/path" },
        { "maps-without-userns", "/linux/uidMappings" },
        { "hostname-without-uts", "/hostname" },
        { "negative-memory", "/linux/resources/memory/limit" },
        { "missing-executable", "/process/args/0" },
        { "unknown-filesystem", "/mounts/8/type" },
        { "wrong-json-type", "/process/args/0" },
        { "cwd-not-a-directory", "/process/cwd" },
        { "bind-source-missing", "/mounts/8/source" },
        { "terminal-without-console-socket", "/process/terminal" },
        { "hook-path-relative", "/hooks/prestart/0/path" },
        { "seccomp-unknown-action", "/linux/seccomp/syscalls/0/action" },
        { "seccomp-architecture-libseccomp-lacks", "/linux/seccomp/architectures/0" },
        { "seccomp-listener-nobody-listens-on", "/linux/seccomp/listenerPath" },
        { "mount-without-destination", "/mounts/8/destination" },
        { "mount-relative-destination", "/mounts/8/destination" },
        { "bind-with-filesystem-type", "/mounts/8/type" },
        { "sysctl-not-namespaced", "/linux/sysctl/kernel.pid_max" },
        { "sysctl-without-netns", "/linux/sysctl/net.ipv4.ip_forward" },
        { "sysctl-in-host-netns", "/linux/sysctl/net.ipv4.ip_forward" },
        { "sysctl-unknown-key", "/linux/sysctl/net.ipv4.no_such_key" },
        { "idmap-uid-mappings-alone", "/mounts/8/gidMappings" },
        { "idmap-without-user-namespace", "/mounts/8/options" },
        { "idmap-overlapping-gid-mappings", "/mounts/8/gidMappings: writing /proc/" },
        { "idmap-of-a-filesystem-without-idmapping", "/mounts/8: the kernel refused an idmapped mount of /proc (proc)" },
    };

    private static void Break(string name, JsonObject c)
    {
        var process = c["process"]!.AsObject();
        var linux = c["linux"]!.AsObject();
        switch (name)
        {
            case "unknown-namespace": linux["namespaces"]!.AsArray().Add(new JsonObject { ["type"] = "foo" }); break;
            case "empty-args": process["args"] = new JsonArray(); break;
            case "relative-cwd": process["cwd"] = "tmp"; break;
            case "unsupported-version": c["ociVersion"] = "2.0.0"; break;
            case "missing-rootfs": c["root"]!["path"] = "/nonexistent/rootfs"; break;
            case "maps-without-userns":
                linux["uidMappings"] = new JsonArray(new JsonObject { ["containerID"] = 0, ["hostID"] = 1000, ["size"] = 1 }); break;
            case "hostname-without-uts":
                linux["namespaces"] = new JsonArray(linux["namespaces"]!.AsArray().Where(n => (string)n!["type"]! != "uts").Select(n => n!.DeepClone()).ToArray()); break;
            case "negative-memory": linux["resources"]!["memory"]!["limit"] = -5; break;
            case "missing-executable": process["args"] = new JsonArray("/no/such/binary"); break;
            case "unknown-filesystem": c["mounts"]!.AsArray().Add(new JsonObject { ["destination"] = "/mnt", ["type"] = "nosuchfs", ["source"] = "none" }); break;
            case "wrong-json-type": process["args"] = new JsonArray(1); break;
            case "cwd-not-a-directory": process["cwd"] = "/etc/passwd"; break;
            case "terminal-without-console-socket": process["terminal"] = true; break;
            case "hook-path-relative": c["hooks"] = new JsonObject { ["prestart"] = new JsonArray(new JsonObject { ["path"] = "bin/true" }) }; break;
            case "seccomp-unknown-action": linux["seccomp"] = Seccomp("SCMP_ACT_FOO"); break;
            case "seccomp-architecture-libseccomp-lacks":
                // libseccomp 2.5 builds no filter for LoongArch (2.6 does: then this case needs another arch).
                linux["seccomp"] = Seccomp("SCMP_ACT_ERRNO");
                linux["seccomp"]!["architectures"] = new JsonArray("SCMP_ARCH_LOONGARCH64"); break;
            case "seccomp-listener-nobody-listens-on":
                linux["seccomp"] = Seccomp("SCMP_ACT_NOTIFY");
                linux["seccomp"]!["listenerPath"] = "/nonexistent/agent.sock"; break;
            case "mount-without-destination": c["mounts"]!.AsArray().Add(new JsonObject { ["type"] = "tmpfs", ["source"] = "tmpfs" }); break;
            case "mount-relative-destination": c["mounts"]!.AsArray().Add(new JsonObject { ["destination"] = "mnt", ["type"] = "tmpfs", ["source"] = "tmpfs" }); break;
            case "bind-with-filesystem-type":
                c["mounts"]!.AsArray().Add(new JsonObject { ["destination"] = "/mnt", ["type"] = "tmpfs", ["source"] = "/tmp", ["options"] = new JsonArray("rbind") }); break;
            case "sysctl-not-namespaced": linux["sysctl"] = new JsonObject { ["kernel.pid_max"] = "4096" }; break;
            case "sysctl-without-netns":
                linux["namespaces"] = new JsonArray(linux["namespaces"]!.AsArray().Where(n => (string)n!["type"]! != "network").Select(n => n!.DeepClone()).ToArray());
                linux["sysctl"] = new JsonObject { ["net.ipv4.ip_forward"] = "1" }; break;
            case "sysctl-in-host-netns":
                linux["namespaces"] = new JsonArray(linux["namespaces"]!.AsArray().Where(n => (string)n!["type"]! != "network").Select(n => n!.DeepClone())
                    .Append(new JsonObject { ["type"] = "network", ["path"] = "/proc/self/ns/net" }).ToArray());
                linux["sysctl"] = new JsonObject { ["net.ipv4.ip_forward"] = "1" }; break;
            case "sysctl-unknown-key": linux["sysctl"] = new JsonObject { ["net.ipv4.no_such_key"] = "1" }; break;
            case "idmap-uid-mappings-alone":
                c["mounts"]!.AsArray().Add(new JsonObject
                {
                    ["destination"] = "/mnt", ["source"] = "/tmp", ["options"] = new JsonArray("bind"),
                    ["uidMappings"] = new JsonArray(new JsonObject { ["containerID"] = 0, ["hostID"] = 100000, ["size"] = 1 }),
                }); break;
            case "idmap-without-user-namespace":
                c["mounts"]!.AsArray().Add(new JsonObject { ["destination"] = "/mnt", ["source"] = "/tmp", ["options"] = new JsonArray("bind", "idmap") }); break;
            case "idmap-overlapping-gid-mappings":
                c["mounts"]!.AsArray().Add(new JsonObject
                {
                    ["destination"] = "/mnt", ["source"] = "/tmp", ["options"] = new JsonArray("bind"),
                    ["uidMappings"] = new JsonArray(new JsonObject { ["containerID"] = 0, ["hostID"] = 100000, ["size"] = 10 }),
                    // The kernel refuses ranges that overlap inside the namespace when gid_map is written.
                    ["gidMappings"] = new JsonArray(new JsonObject { ["containerID"] = 0, ["hostID"] = 100000, ["size"] = 10 },
                        new JsonObject { ["containerID"] = 5, ["hostID"] = 200000, ["size"] = 10 }),
                }); break;
            case "idmap-of-a-filesystem-without-idmapping":
                var mapping = new JsonObject { ["containerID"] = 0, ["hostID"] = 100000, ["size"] = 65536 };
                c["mounts"]!.AsArray().Add(new JsonObject
                {
                    ["destination"] = "/mnt", ["source"] = "/proc", ["options"] = new JsonArray("rbind"),
                    ["uidMappings"] = new JsonArray(mapping.DeepClone()), ["gidMappings"] = new JsonArray(mapping.DeepClone()),
                }); break;
            case "bind-source-missing":
                c["mounts"]!.AsArray().Add(new JsonObject { ["destination"] = "/mnt", ["type"] = "bind", ["source"] = "/no/such/dir", ["options"] = new JsonArray("rbind") }); break;
        }
    }

    private static JsonObject Seccomp(string action) => new()
    {
        ["defaultAction"] = "SCMP_ACT_ALLOW",
        ["syscalls"] = new JsonArray(new JsonObject { ["names"] = new JsonArray("mkdir"), ["action"] = action }),
    };

    [RootTheory]
    [MemberData(nameof(Cases))]
    public void Refused_with_the_field_named_and_nothing_left_behind(string name, string pointer)
    {
        var bundle = NewBundle("sleep", "1000").Edit(c => Break(name, c));
        string id = NewId("bad");
        var r = Runtime.Run("create", "-b", bundle.Write(), id);

        r.ExitCode.ShouldNotBe(0, r.ToString());
        r.Stderr.Trim().Split('\n').Length.ShouldBe(1, r.Stderr);
        r.Stderr.ShouldContain($"msg=\"{pointer}", Case.Sensitive, r.Stderr);
        AssertNothingLeft(id);
    }

    [RootFact]
    public void Invalid_json_is_refused_with_its_position()
    {
        var bundle = NewBundle();
        File.WriteAllText(Path.Combine(bundle.Dir, "config.json"), "{\"ociVersion\": \"1.0.0\",, }");
        string id = NewId("bad");
        var r = Runtime.Run("create", "-b", bundle.Dir, id);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("invalid JSON");
        r.Stderr.ShouldContain("line 1");
        AssertNothingLeft(id);
    }

    [RootFact]
    public void A_missing_bundle_is_refused()
    {
        string id = NewId("bad");
        var r = Runtime.Run("create", "-b", "/nonexistent/bundle", id);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("/nonexistent/bundle");
        AssertNothingLeft(id);
    }

    [RootFact]
    public void An_invalid_id_is_refused()
    {
        var bundle = NewBundle("true");
        var r = Runtime.Run("create", "-b", bundle.Write(), "../escape");
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("invalid container id");
        Directory.Exists(Path.Combine(StateRoot, "..", "escape")).ShouldBeFalse();
    }

    [RootFact]
    public void Verbs_on_an_unknown_container_fail_clearly()
    {
        foreach (string verb in new[] { "state", "start", "kill", "delete" })
        {
            var r = Runtime.Run(verb, "no-such-container");
            r.ExitCode.ShouldNotBe(0, verb);
            r.Stderr.ShouldContain("container does not exist", Case.Sensitive, verb);
        }
        Ok("delete", "--force", "no-such-container");
    }

    private void AssertNothingLeft(string id)
    {
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse("state directory left behind");
        HostView.CgroupDirsNamed(id).ShouldBeEmpty("cgroup left behind");
        HostView.ProcessesInCgroupNamed(id).ShouldBeEmpty("process left behind");
    }
}
