using OciRuntime.Cgroups;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Cgroups;

public class CgroupPathResolverTests
{
    private const string OwnMemory = "/process_api/0f5b03fe18fb54b99acfc2d481b5ecf9";

    [Theory]
    [InlineData("/foo/bar", "/sys/fs/cgroup/memory/foo/bar")]
    [InlineData("foo/bar", "/sys/fs/cgroup/memory" + OwnMemory + "/foo/bar")]
    [InlineData(null, "/sys/fs/cgroup/memory" + OwnMemory + "/ctr")]
    [InlineData("", "/sys/fs/cgroup/memory" + OwnMemory + "/ctr")]
    [InlineData("/a//b/./c/", "/sys/fs/cgroup/memory/a/b/c")]
    public void Resolves_like_runc_cgroupfs_under_the_runtime_cgroup(string? cgroupsPath, string expected)
    {
        CgroupPathResolver.Resolve("/sys/fs/cgroup/memory", "/", OwnMemory, cgroupsPath, "ctr").ShouldBe(expected);
    }

    [Theory]
    [InlineData("/docker/c0ffee/inner", "/sys/fs/cgroup/memory/inner")]
    [InlineData("/elsewhere", "/sys/fs/cgroup/memory/elsewhere")]
    [InlineData("inner", "/sys/fs/cgroup/memory/inner")]
    [InlineData(null, "/sys/fs/cgroup/memory/ctr")]
    public void Strips_a_mount_root_that_is_not_slash(string? cgroupsPath, string expected)
    {
        CgroupPathResolver.Resolve("/sys/fs/cgroup/memory", "/docker/c0ffee", "/docker/c0ffee", cgroupsPath, "ctr").ShouldBe(expected);
    }

    [Theory]
    [InlineData("/a/../b")]
    [InlineData("../escape")]
    [InlineData("..")]
    [InlineData("/")]
    [InlineData(".")]
    public void Rejects_paths_escaping_or_naming_existing_cgroups(string cgroupsPath)
    {
        CgroupException error = Should.Throw<CgroupException>(
            () => CgroupPathResolver.Resolve("/sys/fs/cgroup/pids", "/", "/", cgroupsPath, "ctr"));

        error.Pointer.ShouldBe("/linux/cgroupsPath");
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Rejects_container_ids_that_are_not_one_directory_name(string containerId)
    {
        Should.Throw<CgroupException>(() => CgroupPathResolver.Resolve("/sys/fs/cgroup/pids", "/", "/", null, containerId));
    }

    [Fact]
    public void Factory_resolves_every_hierarchy_and_names_the_keys()
    {
        CgroupLayout layout = CgroupLayout.Parse(CgroupFixtures.HybridMountinfo, CgroupFixtures.HybridCgroup);

        ICgroupManager manager = CgroupManagerFactory.Create(layout, "/pod/ctr", "ctr");

        manager.Paths.Keys.Order().ShouldBe(
            ["blkio", "cpu", "cpuacct", "cpuset", "devices", "freezer", "memory", "name=systemd", "pids", "unified"]);
        manager.Paths["memory"].ShouldBe("/sys/fs/cgroup/memory/pod/ctr");
        manager.Paths["name=systemd"].ShouldBe("/sys/fs/cgroup/systemd/pod/ctr");
        manager.Paths["unified"].ShouldBe("/sys/fs/cgroup/unified/pod/ctr");
    }

    [Fact]
    public void Co_mounted_controllers_share_one_directory()
    {
        CgroupLayout layout = CgroupLayout.Parse(CgroupFixtures.V1Mountinfo, CgroupFixtures.V1Cgroup);

        ICgroupManager manager = CgroupManagerFactory.Create(layout, null, "ctr");

        manager.Paths["cpu"].ShouldBe("/sys/fs/cgroup/cpu,cpuacct/ctr");
        manager.Paths["cpuacct"].ShouldBe("/sys/fs/cgroup/cpu,cpuacct/ctr");
        manager.Paths["net_prio"].ShouldBe("/sys/fs/cgroup/net_cls,net_prio/ctr");
        manager.Paths["freezer"].ShouldBe("/sys/fs/cgroup/my freezer/ctr");
        manager.Paths.ContainsKey("unified").ShouldBeFalse();
    }

    [Fact]
    public void Pure_v2_has_a_single_unified_path()
    {
        CgroupLayout layout = CgroupLayout.Parse(CgroupFixtures.V2Mountinfo, CgroupFixtures.V2Cgroup);

        ICgroupManager manager = CgroupManagerFactory.Create(layout, "machine.slice/ctr", "ctr");

        manager.Paths.ShouldBe(new Dictionary<string, string>
        {
            ["unified"] = "/sys/fs/cgroup/user.slice/user-1000.slice/session-3.scope/machine.slice/ctr",
        });
    }

    [Fact]
    public void Paths_survive_a_round_trip_through_FromPaths()
    {
        CgroupLayout layout = CgroupLayout.Parse(CgroupFixtures.V1Mountinfo, CgroupFixtures.V1Cgroup);
        ICgroupManager original = CgroupManagerFactory.Create(layout, "/x/y", "ctr");

        ICgroupManager restored = CgroupManager.FromPaths(original.Paths.ToDictionary(), layout);

        restored.Paths.ShouldBe(original.Paths, ignoreOrder: true);
    }
}
