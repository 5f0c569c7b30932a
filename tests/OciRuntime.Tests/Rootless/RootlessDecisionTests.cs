using OciRuntime.Cgroups;
using OciRuntime.Core.Launch;
using OciRuntime.Core.State;
using OciRuntime.Linux;
using OciRuntime.Spec.Model;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Rootless;

/// <summary>The pure decisions behind rootless mode: state root, id map method, user namespace, first limit.</summary>
public sealed class RootlessDecisionTests
{
    [Fact]
    public void Root_keeps_the_system_state_root_whatever_the_environment()
    {
        StateRoot.DefaultFor(0, "/run/user/0", runUserExists: true).ShouldBe("/run/ociruntime");
    }

    [Fact]
    public void Other_users_prefer_XDG_RUNTIME_DIR_then_run_user_then_a_private_tmp_directory()
    {
        StateRoot.DefaultFor(1000, "/xdg", runUserExists: true).ShouldBe("/xdg/ociruntime");
        StateRoot.DefaultFor(1000, "", runUserExists: true).ShouldBe("/run/user/1000/ociruntime");
        StateRoot.DefaultFor(1000, null, runUserExists: false).ShouldBeNull();
    }

    private static List<IdMapping> Map(params (uint Container, uint Host, uint Size)[] entries) =>
        entries.Select(e => new IdMapping { ContainerId = e.Container, HostId = e.Host, Size = e.Size }).ToList();

    [Fact]
    public void Root_writes_any_map_itself()
    {
        IdMapWriter.Choose(Map((0, 100000, 65536)), ownId: 0, privileged: true).ShouldBe(IdMapWriter.Method.Direct);
    }

    [Fact]
    public void An_unprivileged_user_writes_only_its_own_single_id()
    {
        IdMapWriter.Choose(Map((0, 1000, 1)), ownId: 1000, privileged: false).ShouldBe(IdMapWriter.Method.OwnIdOnly);
        IdMapWriter.Choose(Map((0, 1001, 1)), ownId: 1000, privileged: false).ShouldBe(IdMapWriter.Method.Helper);
        IdMapWriter.Choose(Map((0, 1000, 2)), ownId: 1000, privileged: false).ShouldBe(IdMapWriter.Method.Helper);
        IdMapWriter.Choose(Map((0, 1000, 1), (1, 100000, 65536)), ownId: 1000, privileged: false).ShouldBe(IdMapWriter.Method.Helper);
    }

    [Fact]
    public void Only_the_full_identity_map_is_the_initial_user_namespace()
    {
        UserNamespaceInfo.IsIdentityOfEveryId("         0          0 4294967295\n").ShouldBeTrue();
        UserNamespaceInfo.IsIdentityOfEveryId("         0       1000          1\n").ShouldBeFalse();
        UserNamespaceInfo.IsIdentityOfEveryId("0 0 4294967295\n1 1 1\n").ShouldBeFalse();
        UserNamespaceInfo.IsIdentityOfEveryId("").ShouldBeFalse();
    }

    [Fact]
    public void The_first_limit_set_is_named_and_unset_values_name_none()
    {
        new CgroupResources().FirstLimitPointer().ShouldBeNull();
        new CgroupResources(PidsLimit: 0, CpuShares: 0, CpusetCpus: "").FirstLimitPointer().ShouldBeNull();
        new CgroupResources(MemoryLimit: 1 << 26).FirstLimitPointer().ShouldBe("/linux/resources/memory/limit");
        new CgroupResources(PidsLimit: 10, CpuQuota: 5000).FirstLimitPointer().ShouldBe("/linux/resources/pids/limit");
        new CgroupResources(CpusetMems: "0").FirstLimitPointer().ShouldBe("/linux/resources/cpu/mems");
    }
}
