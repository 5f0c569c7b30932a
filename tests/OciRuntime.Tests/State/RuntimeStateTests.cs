using OciRuntime.Core;
using OciRuntime.Core.Launch;
using OciRuntime.Core.State;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.State;

public sealed class RuntimeStateTests
{
    [Fact]
    public void State_json_round_trips_every_fact()
    {
        var state = new RuntimeState
        {
            Id = "web-1", InitPid = 4242, InitStartTime = 123456789012, Bundle = "/b", Rootfs = "/b/rootfs",
            Created = new DateTime(2026, 11, 23, 1, 2, 3, DateTimeKind.Utc).AddTicks(1234567), Owner = "root",
            OciVersion = "1.2.0+dev",
            CgroupPaths = new() { ["memory"] = "/sys/fs/cgroup/memory/web-1", ["unified"] = "/sys/fs/cgroup/unified/web-1" },
            Annotations = new() { ["org.example/key"] = "value \"quoted\"" },
        };
        var back = RuntimeStateJson.Read(RuntimeStateJson.Write(state));
        back.ShouldBeEquivalentTo(state);
    }

    [Fact]
    public void Absent_maps_read_as_empty_and_absent_annotations_stay_null()
    {
        var back = RuntimeStateJson.Read("{\"id\":\"x\",\"created\":\"2026-01-01T00:00:00.0000000Z\"}"u8.ToArray());
        back.CgroupPaths.ShouldBeEmpty();
        back.Annotations.ShouldBeNull();
    }

    [Fact]
    public void Init_config_round_trips()
    {
        var config = new InitConfig
        {
            Id = "c", Bundle = "/b", Rootfs = "/b/rootfs", ConfigJson = "{\"ociVersion\":\"1.3.0\"}",
            NoPivot = true, FifoFd = 5, PreserveFds = 2, Debug = true,
        };
        InitConfig.FromJson(config.ToJson()).ShouldBeEquivalentTo(config);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("a.b-c_d+e")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Ids_runc_accepts_are_accepted(string id) => Should.NotThrow(() => StateRoot.ValidateId(id));

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("with space")]
    [InlineData("")]
    public void Ids_that_could_escape_the_state_root_are_refused(string id) =>
        Should.Throw<RuntimeError>(() => StateRoot.ValidateId(id));

    [Fact]
    public void A_second_create_of_one_id_is_refused_and_the_lock_is_exclusive()
    {
        string root = Directory.CreateTempSubdirectory("stateroot-").FullName;
        try
        {
            var states = new StateRoot(root);
            using var first = states.CreateContainer("one");
            Should.Throw<RuntimeError>(() => states.CreateContainer("one")).Message.ShouldContain("already exists");
            var waiting = Task.Run(() => { using var d = states.Open("one"); });
            waiting.Wait(200).ShouldBeFalse("a second exclusive open must wait for the first");
            first.Dispose();
            waiting.Wait(5000).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
