using OciRuntime.Cgroups;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Cgroups;

public class CgroupManagerUnitTests
{
    [Fact]
    public void A_limit_for_a_controller_the_host_lacks_names_the_setting()
    {
        // The pure-v1 fixture mounts no pids hierarchy and no cgroup2.
        CgroupLayout layout = CgroupLayout.Parse(CgroupFixtures.V1Mountinfo, CgroupFixtures.V1Cgroup);
        ICgroupManager manager = CgroupManagerFactory.Create(layout, "/ctr", "ctr");

        CgroupException error = Should.Throw<CgroupException>(() => manager.Set(new CgroupResources(PidsLimit: 50)));

        error.Pointer.ShouldBe("/linux/resources/pids/limit");
        error.Message.ShouldBe("/linux/resources/pids/limit: the pids cgroup controller is not available on this host");
    }

    [Fact]
    public void Unset_values_need_no_controller()
    {
        new CgroupResources(PidsLimit: 0, CpuShares: 0, CpusetCpus: "").RequiredControllers().ShouldBeEmpty();
        new CgroupResources(MemorySwap: -1, CpuPeriod: 100000).RequiredControllers().ShouldBe(["memory", "cpu"]);
    }

    [Theory]
    [InlineData(2UL, 1UL)]
    [InlineData(1024UL, 39UL)]
    [InlineData(262144UL, 10000UL)]
    [InlineData(1UL, 1UL)]
    [InlineData(1_000_000UL, 10000UL)]
    public void Cpu_shares_map_to_weight_as_runc_does(ulong shares, ulong weight)
    {
        CpuWeight.FromShares(shares).ShouldBe(weight);
    }

    [Fact]
    public void Destroy_of_a_never_created_cgroup_does_nothing()
    {
        CgroupLayout layout = CgroupLayout.Parse(CgroupFixtures.V2Mountinfo, CgroupFixtures.V2Cgroup);
        var manager = CgroupManager.FromPaths(
            new Dictionary<string, string> { ["unified"] = $"/nonexistent-{Guid.NewGuid():N}/ctr" }, layout);

        manager.Exists().ShouldBeFalse();
        manager.GetPids().ShouldBeEmpty();
        Should.NotThrow(manager.Destroy);
    }
}
