using OciRuntime.Cgroups;
using OciRuntime.Spec.Model;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Cgroups;

/// <summary>
/// The cgroup2 files and formats of the memory and cpu extras, blockIO, hugepages, rdma, network and unified,
/// on a plain directory tree laid out like a cgroup2 mount (this host keeps most controllers on v1).
/// Each control file starts empty and each value is written at offset 0, so a file shows the last write.
/// </summary>
public sealed class MoreUnifiedLimitsOnFakeTreeTests : IDisposable
{
    private readonly string _mount = Path.Combine(Path.GetTempPath(), $"fake-cgroup2-{Guid.NewGuid():N}");
    private readonly ICgroupManager _manager;
    private readonly string _leaf;

    public MoreUnifiedLimitsOnFakeTreeTests()
    {
        Directory.CreateDirectory(_mount);
        File.WriteAllText(Path.Combine(_mount, "cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma\n");
        File.WriteAllText(Path.Combine(_mount, "cgroup.subtree_control"), "");
        CgroupLayout layout = CgroupLayout.Parse($"25 23 0:23 / {_mount} rw,relatime - cgroup2 cgroup2 rw\n", "0::/\n");
        _manager = CgroupManagerFactory.Create(layout, "/ctr", "ctr");
        _leaf = _manager.Paths["unified"];
        _manager.Create();
    }

    public void Dispose() => Directory.Delete(_mount, recursive: true);

    private void Files(params string[] names)
    {
        foreach (string name in names) File.WriteAllText(Path.Combine(_leaf, name), "");
    }

    private string Read(string name) => File.ReadAllText(Path.Combine(_leaf, name));

    [Fact]
    public void Memory_reservation_is_memory_low_and_the_oom_killer_switch_is_ignored()
    {
        Files("memory.low");
        _manager.Set(new CgroupResources(MemoryReservation: 32 << 20, DisableOomKiller: true));
        Read("memory.low").ShouldBe("33554432");
        Files("memory.low");
        _manager.Set(new CgroupResources(MemoryReservation: -1));
        Read("memory.low").ShouldBe("max");
        File.Exists(Path.Combine(_leaf, "memory.oom_control")).ShouldBeFalse();
    }

    [Fact]
    public void Swappiness_is_refused_naming_the_field()
    {
        Should.Throw<CgroupException>(() => _manager.Set(new CgroupResources(MemorySwappiness: 10)))
            .Pointer.ShouldBe("/linux/resources/memory/swappiness");
    }

    [Fact]
    public void Check_before_update_refuses_a_limit_below_the_usage()
    {
        Files("memory.max");
        File.WriteAllText(Path.Combine(_leaf, "memory.current"), "5000000\n");
        var e = Should.Throw<CgroupException>(() => _manager.Set(new CgroupResources(MemoryLimit: 4_000_000, CheckBeforeUpdate: true)));
        e.Pointer.ShouldBe("/linux/resources/memory/limit");
        e.Message.ShouldContain("5000000");
        Read("memory.max").ShouldBe("");
        _manager.Set(new CgroupResources(MemoryLimit: 6_000_000, CheckBeforeUpdate: true));
        Read("memory.max").ShouldBe("6000000");
    }

    [Fact]
    public void Cpu_burst_and_idle_use_cpu_max_burst_and_cpu_idle_and_realtime_is_refused()
    {
        Files("cpu.max.burst", "cpu.idle");
        _manager.Set(new CgroupResources(CpuBurst: 20000, CpuIdle: 1));
        Read("cpu.max.burst").ShouldBe("20000");
        Read("cpu.idle").ShouldBe("1");
        Should.Throw<CgroupException>(() => _manager.Set(new CgroupResources(CpuRealtimeRuntime: 1000)))
            .Pointer.ShouldBe("/linux/resources/cpu/realtimeRuntime");
    }

    [Fact]
    public void Block_io_weight_converts_to_io_weight_without_bfq()
    {
        Files("io.weight", "io.max");
        _manager.Set(new CgroupResources(BlockIO: new LinuxBlockIO { Weight = 500 }));
        Read("io.weight").ShouldBe("4950");
        _manager.Set(new CgroupResources(BlockIO: new LinuxBlockIO
        {
            ThrottleWriteIopsDevice = [new LinuxThrottleDevice { Major = 8, Minor = 0, Rate = 300 }],
        }));
        Read("io.max").ShouldBe("8:0 wiops=300");
    }

    [Fact]
    public void Block_io_weight_goes_unconverted_to_io_bfq_weight_when_bfq_offers_it()
    {
        Files("io.bfq.weight", "io.weight");
        _manager.Set(new CgroupResources(BlockIO: new LinuxBlockIO { Weight = 500 }));
        Read("io.bfq.weight").ShouldBe("500");
        Read("io.weight").ShouldBe("");
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(100, 910)]
    [InlineData(1000, 10000)]
    public void Blkio_weight_maps_onto_io_weight_as_runc(ulong blkio, ulong io) => IoWeight.FromBlkioWeight(blkio).ShouldBe(io);

    [Fact]
    public void Hugepage_limits_use_hugetlb_size_max_and_rsvd_max_and_name_an_unknown_size()
    {
        Files("hugetlb.2MB.max", "hugetlb.2MB.rsvd.max");
        _manager.Set(new CgroupResources(HugepageLimits: [new LinuxHugepageLimit { PageSize = "2MB", Limit = 4 << 21 }]));
        Read("hugetlb.2MB.max").ShouldBe("8388608");
        Read("hugetlb.2MB.rsvd.max").ShouldBe("8388608");
        Should.Throw<CgroupException>(() => _manager.Set(new CgroupResources(HugepageLimits:
                [new LinuxHugepageLimit { PageSize = "2MB", Limit = 1 }, new LinuxHugepageLimit { PageSize = "1GB", Limit = 1 }])))
            .Pointer.ShouldBe("/linux/resources/hugepageLimits/1/pageSize");
    }

    [Fact]
    public void Rdma_limits_are_rdma_max_lines()
    {
        Files("rdma.max");
        _manager.Set(new CgroupResources(Rdma: new Dictionary<string, LinuxRdma> { ["mlx5_0"] = new() { HcaHandles = 3, HcaObjects = 1000 } }));
        Read("rdma.max").ShouldBe("mlx5_0 hca_handle=3 hca_object=1000");
    }

    [Fact]
    public void Network_is_refused_on_cgroup2_naming_the_field_and_controller()
    {
        var e = Should.Throw<CgroupException>(() => _manager.Set(new CgroupResources(Network: new LinuxNetwork { ClassId = 0x100001 })));
        e.Pointer.ShouldBe("/linux/resources/network/classID");
        e.Message.ShouldContain("net_cls");
    }

    [Fact]
    public void Unified_values_are_written_as_given_and_unknown_controllers_named()
    {
        Files("memory.high", "cgroup.max.descendants");
        _manager.Set(new CgroupResources(Unified: new Dictionary<string, string> { ["memory.high"] = "50000000", ["cgroup.max.descendants"] = "5" }));
        Read("memory.high").ShouldBe("50000000");
        Read("cgroup.max.descendants").ShouldBe("5");
        Should.Throw<CgroupException>(() => _manager.Set(new CgroupResources(Unified: new Dictionary<string, string> { ["misc.max"] = "x 1" })))
            .Pointer.ShouldBe("/linux/resources/unified/misc.max");
        Should.Throw<CgroupException>(() => _manager.Set(new CgroupResources(Unified: new Dictionary<string, string> { ["../escape.max"] = "1" })))
            .Pointer.ShouldBe("/linux/resources/unified/..~1escape.max");
    }

    [Fact]
    public void Create_enables_the_controllers_of_the_new_limits()
    {
        var resources = new CgroupResources(HugepageLimits: [new LinuxHugepageLimit { PageSize = "2MB", Limit = 1 }],
            BlockIO: new LinuxBlockIO { Weight = 100 }, Unified: new Dictionary<string, string> { ["rdma.max"] = "" });
        resources.RequiredControllers().ShouldBe(["io", "hugetlb", "rdma"], ignoreOrder: true);
    }
}
