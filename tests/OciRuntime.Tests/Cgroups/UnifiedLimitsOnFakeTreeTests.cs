using OciRuntime.Cgroups;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Cgroups;

/// <summary>
/// This development host keeps its controllers on v1, so the cgroup2 value formats are checked against
/// a plain directory tree laid out like a cgroup2 mount. (Regular files are not truncated by the
/// single-write protocol, so each control file starts empty.)
/// </summary>
public sealed class UnifiedLimitsOnFakeTreeTests : IDisposable
{
    private readonly string _mount = Path.Combine(Path.GetTempPath(), $"fake-cgroup2-{Guid.NewGuid():N}");
    private readonly ICgroupManager _manager;
    private readonly string _leaf;

    public UnifiedLimitsOnFakeTreeTests()
    {
        Directory.CreateDirectory(Path.Combine(_mount, "pod"));
        foreach (string directory in new[] { _mount, Path.Combine(_mount, "pod") })
        {
            File.WriteAllText(Path.Combine(directory, "cgroup.controllers"), "cpuset cpu io memory pids\n");
            File.WriteAllText(Path.Combine(directory, "cgroup.subtree_control"), "");
        }
        string mountinfo = $"25 23 0:23 / {_mount} rw,relatime - cgroup2 cgroup2 rw\n";
        CgroupLayout layout = CgroupLayout.Parse(mountinfo, "0::/\n");
        _manager = CgroupManagerFactory.Create(layout, "/pod/ctr", "ctr");
        _leaf = _manager.Paths["unified"];
    }

    public void Dispose() => Directory.Delete(_mount, recursive: true);

    private void CreateControlFiles(params string[] names)
    {
        foreach (string name in names) File.WriteAllText(Path.Combine(_leaf, name), "");
    }

    private string Read(string name) => File.ReadAllText(Path.Combine(_leaf, name));

    [Fact]
    public void Create_enables_the_needed_controller_in_every_ancestor()
    {
        _manager.Create(new CgroupResources(MemoryLimit: 1));

        File.ReadAllText(Path.Combine(_mount, "cgroup.subtree_control")).ShouldBe("+memory");
        File.ReadAllText(Path.Combine(_mount, "pod", "cgroup.subtree_control")).ShouldBe("+memory");
        Directory.Exists(_leaf).ShouldBeTrue();
    }

    [Fact]
    public void Create_enables_nothing_unrequested_unavailable_or_already_enabled()
    {
        File.WriteAllText(Path.Combine(_mount, "cgroup.subtree_control"), "memory");
        File.WriteAllText(Path.Combine(_mount, "pod", "cgroup.controllers"), "cpu");

        _manager.Create(new CgroupResources(MemoryLimit: 1));

        File.ReadAllText(Path.Combine(_mount, "cgroup.subtree_control")).ShouldBe("memory");
        File.ReadAllText(Path.Combine(_mount, "pod", "cgroup.subtree_control")).ShouldBe("");
    }

    [Fact]
    public void Limits_use_the_cgroup2_files_and_formats()
    {
        _manager.Create();
        CreateControlFiles("memory.max", "memory.swap.max", "pids.max", "cpu.weight", "cpu.max", "cpuset.cpus", "cpuset.mems");

        _manager.Set(new CgroupResources(
            MemoryLimit: 10 << 20, MemorySwap: 30 << 20, PidsLimit: -1, CpuShares: 1024,
            CpuQuota: 50000, CpuPeriod: 100000, CpusetCpus: "0-1", CpusetMems: "0"));

        Read("memory.max").ShouldBe("10485760");
        Read("memory.swap.max").ShouldBe("20971520");
        Read("pids.max").ShouldBe("max");
        Read("cpu.weight").ShouldBe("39");
        Read("cpu.max").ShouldBe("50000 100000");
        Read("cpuset.cpus").ShouldBe("0-1");
        Read("cpuset.mems").ShouldBe("0");
    }

    [Fact]
    public void Unlimited_quota_is_max()
    {
        _manager.Create();
        CreateControlFiles("cpu.max");

        _manager.Set(new CgroupResources(CpuQuota: -1, CpuPeriod: 20000));

        Read("cpu.max").ShouldBe("max 20000");
    }

    [Fact]
    public void Swap_below_the_memory_limit_is_refused_before_writing()
    {
        _manager.Create();
        CreateControlFiles("memory.max", "memory.swap.max");

        CgroupException error = Should.Throw<CgroupException>(
            () => _manager.Set(new CgroupResources(MemoryLimit: 2048, MemorySwap: 1024)));

        error.Pointer.ShouldBe("/linux/resources/memory/swap");
    }

    [Fact]
    public void A_controller_not_enabled_for_the_cgroup_is_explained()
    {
        _manager.Create();

        CgroupException error = Should.Throw<CgroupException>(() => _manager.Set(new CgroupResources(MemoryLimit: 1024)));

        error.Message.ShouldBe(
            $"/linux/resources/memory/limit: writing 1024 to {_leaf}/memory.max: No such file or directory" +
            $" (the memory controller is not enabled for {_leaf})");
    }
}
