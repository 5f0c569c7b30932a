using OciRuntime.Cgroups;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Cgroups;

public class CgroupLayoutParseTests
{
    [Fact]
    public void Hybrid_host_has_every_v1_hierarchy_and_the_unified_mount()
    {
        CgroupLayout layout = CgroupLayout.Parse(CgroupFixtures.HybridMountinfo, CgroupFixtures.HybridCgroup);

        layout.Mode.ShouldBe(CgroupMode.Hybrid);
        layout.V1Hierarchies.Count.ShouldBe(9);
        layout.Unified.ShouldBe(new UnifiedHierarchy("/sys/fs/cgroup/unified", "/", "/"));

        V1Hierarchy memory = layout.FindV1("memory")!;
        memory.MountPoint.ShouldBe("/sys/fs/cgroup/memory");
        memory.MountRoot.ShouldBe("/");
        memory.OwnCgroup.ShouldBe("/process_api/0f5b03fe18fb54b99acfc2d481b5ecf9");
        memory.Controllers.ShouldBe(["memory"]);
        memory.Id.ShouldBe(4);
    }

    [Fact]
    public void Named_hierarchy_is_kept_but_offers_no_controllers()
    {
        CgroupLayout layout = CgroupLayout.Parse(CgroupFixtures.HybridMountinfo, CgroupFixtures.HybridCgroup);

        V1Hierarchy systemd = layout.V1Hierarchies.Single(h => h.IsNamed);
        systemd.Name.ShouldBe("systemd");
        systemd.Controllers.ShouldBeEmpty();
        systemd.MountPoint.ShouldBe("/sys/fs/cgroup/systemd");
        systemd.PathKeys.ShouldBe(["name=systemd"]);
        layout.FindV1("systemd").ShouldBeNull();
    }

    [Fact]
    public void Pure_v2_host_has_only_the_unified_hierarchy()
    {
        CgroupLayout layout = CgroupLayout.Parse(CgroupFixtures.V2Mountinfo, CgroupFixtures.V2Cgroup);

        layout.Mode.ShouldBe(CgroupMode.V2);
        layout.V1Hierarchies.ShouldBeEmpty();
        layout.Unified.ShouldBe(new UnifiedHierarchy("/sys/fs/cgroup", "/", "/user.slice/user-1000.slice/session-3.scope"));
    }

    [Fact]
    public void Pure_v1_host_has_co_mounted_controllers_and_container_mount_roots()
    {
        CgroupLayout layout = CgroupLayout.Parse(CgroupFixtures.V1Mountinfo, CgroupFixtures.V1Cgroup);

        layout.Mode.ShouldBe(CgroupMode.V1);
        layout.Unified.ShouldBeNull();
        layout.V1Hierarchies.Count.ShouldBe(6);

        V1Hierarchy cpu = layout.FindV1("cpuacct")!;
        cpu.ShouldBeSameAs(layout.FindV1("cpu"));
        cpu.Controllers.ShouldBe(["cpu", "cpuacct"]);
        cpu.MountPoint.ShouldBe("/sys/fs/cgroup/cpu,cpuacct");
        cpu.MountRoot.ShouldBe("/docker/c0ffee");
        cpu.OwnCgroup.ShouldBe("/docker/c0ffee");

        layout.FindV1("pids").ShouldBeNull();
        layout.V1Hierarchies.Single(h => h.IsNamed).Name.ShouldBe("systemd");
    }

    [Fact]
    public void Escaped_space_in_a_mount_point_is_decoded()
    {
        CgroupLayout layout = CgroupLayout.Parse(CgroupFixtures.V1Mountinfo, CgroupFixtures.V1Cgroup);

        layout.FindV1("freezer")!.MountPoint.ShouldBe("/sys/fs/cgroup/my freezer");
    }

    [Fact]
    public void Path_containing_colons_in_proc_self_cgroup_is_kept_whole()
    {
        CgroupLayout layout = CgroupLayout.Parse(CgroupFixtures.V2Mountinfo, "0::/system.slice/a:b:c.scope\n");

        layout.Unified!.OwnCgroup.ShouldBe("/system.slice/a:b:c.scope");
    }

    [Fact]
    public void Without_any_cgroup_mount_parse_fails()
    {
        Should.Throw<CgroupException>(() => CgroupLayout.Parse("26 1 254:0 / / rw - ext4 /dev/vda rw\n", "0::/\n"));
    }

    [Fact]
    public void Detect_reads_this_host()
    {
        if (!File.Exists("/proc/self/mountinfo") || !File.ReadAllText("/proc/self/mountinfo").Contains(" - cgroup")) return;

        CgroupLayout layout = CgroupLayout.Detect();

        (layout.V1Hierarchies.Count > 0 || layout.Unified is not null).ShouldBeTrue();
    }
}
