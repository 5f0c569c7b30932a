using OciRuntime.Cgroups;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Cgroups;

/// <summary>cgroup2 statistics files read into runc's v1-shaped stats, on a directory tree laid out like cgroup2.</summary>
public sealed class StatsOnFakeTreeTests : IDisposable
{
    private readonly string _mount = Path.Combine(Path.GetTempPath(), $"fake-cgroup2-{Guid.NewGuid():N}");
    private readonly ICgroupManager _manager;
    private readonly string _leaf;

    public StatsOnFakeTreeTests()
    {
        Directory.CreateDirectory(_mount);
        File.WriteAllText(Path.Combine(_mount, "cgroup.controllers"), "cpu io memory pids\n");
        CgroupLayout layout = CgroupLayout.Parse($"25 23 0:23 / {_mount} rw,relatime - cgroup2 cgroup2 rw\n", "0::/\n");
        _manager = CgroupManagerFactory.Create(layout, "/ctr", "ctr");
        _leaf = _manager.Paths["unified"];
        Directory.CreateDirectory(_leaf);
    }

    public void Dispose() => Directory.Delete(_mount, recursive: true);

    private void Write(string file, string content) => File.WriteAllText(Path.Combine(_leaf, file), content);

    [Fact]
    public void Converts_cgroup2_counters_to_runc_stats()
    {
        Write("cpu.stat", "usage_usec 1500\nuser_usec 1000\nsystem_usec 500\nnr_periods 7\nnr_throttled 2\nthrottled_usec 30\n");
        Write("memory.current", "4096\n");
        Write("memory.max", "max\n");
        Write("memory.peak", "8192\n");
        Write("memory.events", "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n");
        Write("memory.swap.current", "100\n");
        Write("memory.swap.max", "max\n");
        Write("memory.stat", "anon 1024\nfile 2048\n");
        Write("pids.current", "2\n");
        Write("pids.max", "max\n");
        Write("io.stat", "8:0 rbytes=10 wbytes=20 rios=1 wios=2 dbytes=0 dios=0\n");

        CgroupStats stats = _manager.Stats();

        stats.Cpu.ShouldBe(new CpuStats(1_500_000, [], [], [], 500_000, 1_000_000, 7, 2, 30_000), new CpuStatsComparer());
        stats.Memory.Usage.ShouldBe(new MemoryEntry(ulong.MaxValue, 4096, 8192, 3));
        stats.Memory.Swap.ShouldBe(new MemoryEntry(ulong.MaxValue, 4196, 0, 0));
        stats.Memory.Cache.ShouldBe(2048UL);
        stats.Memory.Raw["anon"].ShouldBe(1024UL);
        stats.Pids.ShouldBe(new PidsStats(2, 0));
        stats.Blkio.IoServiceBytesRecursive.ShouldBe([new BlkioEntry(8, 0, "Read", 10), new BlkioEntry(8, 0, "Write", 20)]);
        stats.Blkio.IoServicedRecursive.ShouldBe([new BlkioEntry(8, 0, "Read", 1), new BlkioEntry(8, 0, "Write", 2)]);
        _manager.OomKillCount().ShouldBe(1);
    }

    [Theory]
    [InlineData(2048UL, "2MB")]
    [InlineData(1048576UL, "1GB")]
    [InlineData(64UL, "64KB")]
    [InlineData(32768UL, "32MB")]
    public void Huge_page_sizes_are_spelled_as_the_kernel_names_the_files(ulong kilobytes, string name) =>
        HugePageSizes.FromKilobytes(kilobytes).ShouldBe(name);

    private sealed class CpuStatsComparer : IEqualityComparer<CpuStats>
    {
        public bool Equals(CpuStats? a, CpuStats? b) =>
            a is not null && b is not null && a with { PerCpu = [], PerCpuKernel = [], PerCpuUser = [] } == b with { PerCpu = [], PerCpuKernel = [], PerCpuUser = [] }
            && a.PerCpu.Count == 0 && b.PerCpu.Count == 0;

        public int GetHashCode(CpuStats s) => 0;
    }
}
