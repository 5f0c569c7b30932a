using System.Text.Json;
using System.Text.Json.Nodes;
using OciRuntime.Spec;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Spec;

public sealed class DefaultSpecTests
{
    private const string RuncSpecOutput = """
        {
          "ociVersion": "1.3.0",
          "process": {
            "terminal": true,
            "user": { "uid": 0, "gid": 0 },
            "args": ["sh"],
            "env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"],
            "cwd": "/",
            "capabilities": {
              "bounding": ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
              "effective": ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"],
              "permitted": ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"]
            },
            "rlimits": [{ "type": "RLIMIT_NOFILE", "hard": 1024, "soft": 1024 }],
            "noNewPrivileges": true
          },
          "root": { "path": "rootfs", "readonly": true },
          "hostname": "ociruntime",
          "mounts": [
            { "destination": "/proc", "type": "proc", "source": "proc" },
            { "destination": "/dev", "type": "tmpfs", "source": "tmpfs",
              "options": ["nosuid", "strictatime", "mode=755", "size=65536k"] },
            { "destination": "/dev/pts", "type": "devpts", "source": "devpts",
              "options": ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"] },
            { "destination": "/dev/shm", "type": "tmpfs", "source": "shm",
              "options": ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"] },
            { "destination": "/dev/mqueue", "type": "mqueue", "source": "mqueue", "options": ["nosuid", "noexec", "nodev"] },
            { "destination": "/sys", "type": "sysfs", "source": "sysfs", "options": ["nosuid", "noexec", "nodev", "ro"] },
            { "destination": "/sys/fs/cgroup", "type": "cgroup", "source": "cgroup",
              "options": ["nosuid", "noexec", "nodev", "relatime", "ro"] }
          ],
          "linux": {
            "resources": { "devices": [{ "allow": false, "access": "rwm" }] },
            "namespaces": [
              { "type": "pid" }, { "type": "network" }, { "type": "ipc" },
              { "type": "uts" }, { "type": "mount" }, { "type": "cgroup" }
            ],
            "maskedPaths": [
              "/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
              "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware", "/proc/scsi", "/sys/devices/virtual/powercap"
            ],
            "readonlyPaths": ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"]
          }
        }
        """;

    private static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString();

    [Fact]
    public void MatchesRuncSpecIncludingPropertyOrder() =>
        Compact(Specs.Json(DefaultSpec.Create())).ShouldBe(Compact(RuncSpecOutput));

    [Fact]
    public void SurvivesAJsonRoundTrip()
    {
        var json = Specs.Json(DefaultSpec.Create());

        var reread = JsonSerializer.Deserialize(json, SpecJsonContext.Default.RuntimeSpec)!;

        Specs.Json(reread).ShouldBe(json);
    }

    [Fact]
    public void ReadableOutputLeavesPlusSignsAlone()
    {
        var spec = DefaultSpec.Create();
        spec.OciVersion = "1.2.0+dev";

        JsonSerializer.Serialize(spec, SpecJson.Readable.RuntimeSpec).ShouldContain("\"1.2.0+dev\"");
        JsonSerializer.Serialize(spec, SpecJson.Readable.RuntimeSpec).ShouldContain("\n  \"process\"");
    }

    [Fact]
    public void RootlessVariantMapsCurrentUserAndDropsNetworkAndResources()
    {
        var spec = DefaultSpec.CreateRootless(1000, 1001);
        var linux = spec.Linux!;

        linux.Namespaces!.Select(ns => ns.Type).ShouldBe(["pid", "ipc", "uts", "mount", "cgroup", "user"]);
        linux.UidMappings.ShouldHaveSingleItem().HostId.ShouldBe(1000u);
        linux.GidMappings.ShouldHaveSingleItem().HostId.ShouldBe(1001u);
        linux.Resources.ShouldBeNull();
        spec.Mounts!.Single(m => m.Destination == "/sys").Options.ShouldBe(["rbind", "nosuid", "noexec", "nodev", "ro"]);
        spec.Mounts!.Single(m => m.Destination == "/dev/pts").Options!.ShouldNotContain("gid=5");
        SpecValidator.FindProblems(spec).ShouldBeEmpty();
    }

    [Fact]
    public void EachCallReturnsAFreshObject()
    {
        var first = DefaultSpec.Create();
        first.Process!.Capabilities!.Bounding!.Add("CAP_SYS_ADMIN");

        DefaultSpec.Create().Process!.Capabilities!.Bounding!.Count.ShouldBe(3);
        DefaultSpec.Create().Process!.Capabilities!.Effective!.Count.ShouldBe(3);
    }
}
