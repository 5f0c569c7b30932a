using System.Globalization;

namespace OciRuntime.Cgroups;

/// <summary>
/// Reads <see cref="CgroupStats"/> from the container's cgroup files, each controller from the hierarchy that
/// holds it (v1 files or their v2 counterparts), converting v2 values to runc's v1-shaped meanings.
/// </summary>
internal static class CgroupStatsReader
{
    private const ulong NanosPerMicro = 1000;
    private static readonly ulong NanosPerTick = 1_000_000_000UL / 100; // cpuacct.stat counts USER_HZ (100) ticks

    public static CgroupStats Read(IReadOnlyList<CgroupTarget> targets) => new(
        Cpu(targets), Memory(ControllerRouter.Find(targets, Controllers.Memory)), Pids(ControllerRouter.Find(targets, Controllers.Pids)),
        Blkio(ControllerRouter.Find(targets, Controllers.Blkio) ?? ControllerRouter.Find(targets, Controllers.Io)),
        Hugetlb(ControllerRouter.Find(targets, Controllers.Hugetlb)));

    private static CpuStats Cpu(IReadOnlyList<CgroupTarget> targets)
    {
        CgroupTarget? cpu = ControllerRouter.Find(targets, Controllers.Cpu);
        if (cpu is { IsUnified: true })
        {
            var stat = StatFiles.Keyed(cpu, "cpu.stat");
            return new CpuStats(stat.GetValueOrDefault("usage_usec") * NanosPerMicro, [], [], [],
                stat.GetValueOrDefault("system_usec") * NanosPerMicro, stat.GetValueOrDefault("user_usec") * NanosPerMicro,
                stat.GetValueOrDefault("nr_periods"), stat.GetValueOrDefault("nr_throttled"), stat.GetValueOrDefault("throttled_usec") * NanosPerMicro);
        }
        CgroupTarget? acct = ControllerRouter.Find(targets, "cpuacct");
        var ticks = StatFiles.Keyed(acct, "cpuacct.stat");
        var throttling = StatFiles.Keyed(cpu, "cpu.stat");
        return new CpuStats(StatFiles.Number(acct, "cpuacct.usage"), StatFiles.Numbers(acct, "cpuacct.usage_percpu"),
            StatFiles.Numbers(acct, "cpuacct.usage_percpu_sys"), StatFiles.Numbers(acct, "cpuacct.usage_percpu_user"),
            ticks.GetValueOrDefault("system") * NanosPerTick, ticks.GetValueOrDefault("user") * NanosPerTick,
            throttling.GetValueOrDefault("nr_periods"), throttling.GetValueOrDefault("nr_throttled"), throttling.GetValueOrDefault("throttled_time"));
    }

    private static MemoryStats Memory(CgroupTarget? memory)
    {
        var raw = StatFiles.Keyed(memory, "memory.stat");
        if (memory is { IsUnified: true })
        {
            ulong failcnt = StatFiles.Keyed(memory, "memory.events").GetValueOrDefault("max");
            var usage = new MemoryEntry(StatFiles.Number(memory, "memory.max"), StatFiles.Number(memory, "memory.current"),
                StatFiles.Number(memory, "memory.peak"), failcnt);
            // Like runc, swap is reported as memory+swap, the v1 meaning.
            ulong swapLimit = StatFiles.Number(memory, "memory.swap.max");
            var swap = new MemoryEntry(swapLimit == ulong.MaxValue || usage.Limit == ulong.MaxValue ? ulong.MaxValue : swapLimit + usage.Limit,
                StatFiles.Number(memory, "memory.swap.current") + usage.Usage, 0, 0);
            return new MemoryStats(raw.GetValueOrDefault("file"), usage, swap, Empty, Empty, raw);
        }
        return new MemoryStats(raw.GetValueOrDefault("cache"), V1Entry(memory, "memory"), V1Entry(memory, "memory.memsw"),
            V1Entry(memory, "memory.kmem"), V1Entry(memory, "memory.kmem.tcp"), raw);
    }

    private static readonly MemoryEntry Empty = new(0, 0, 0, 0);

    private static MemoryEntry V1Entry(CgroupTarget? memory, string prefix) => new(
        StatFiles.Number(memory, $"{prefix}.limit_in_bytes"), StatFiles.Number(memory, $"{prefix}.usage_in_bytes"),
        StatFiles.Number(memory, $"{prefix}.max_usage_in_bytes"), StatFiles.Number(memory, $"{prefix}.failcnt"));

    private static PidsStats Pids(CgroupTarget? pids)
    {
        ulong limit = StatFiles.Number(pids, "pids.max");
        return new PidsStats(StatFiles.Number(pids, "pids.current"), limit == ulong.MaxValue ? 0 : limit);
    }

    private static BlkioStats Blkio(CgroupTarget? io)
    {
        if (io is null) return new BlkioStats([], []);
        if (!io.IsUnified)
            return new BlkioStats(V1BlkioEntries(io, "blkio.throttle.io_service_bytes_recursive"), V1BlkioEntries(io, "blkio.throttle.io_serviced_recursive"));

        // io.stat: "8:0 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=0 dios=0" per device.
        var bytes = new List<BlkioEntry>();
        var ios = new List<BlkioEntry>();
        foreach (string line in (CgroupFile.TryRead(io.PathOf("io.stat")) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!TryDevice(fields[0], out ulong major, out ulong minor)) continue;
            foreach (string field in fields.Skip(1))
            {
                string[] kv = field.Split('=');
                if (kv.Length != 2 || !ulong.TryParse(kv[1], CultureInfo.InvariantCulture, out ulong value)) continue;
                switch (kv[0])
                {
                    case "rbytes": bytes.Add(new(major, minor, "Read", value)); break;
                    case "wbytes": bytes.Add(new(major, minor, "Write", value)); break;
                    case "rios": ios.Add(new(major, minor, "Read", value)); break;
                    case "wios": ios.Add(new(major, minor, "Write", value)); break;
                }
            }
        }
        return new BlkioStats(bytes, ios);
    }

    /// <summary>"8:0 Read 4096" lines; the "Total" line is left out, as runc does.</summary>
    private static List<BlkioEntry> V1BlkioEntries(CgroupTarget blkio, string file)
    {
        var entries = new List<BlkioEntry>();
        foreach (string line in (CgroupFile.TryRead(blkio.PathOf(file)) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 3 && TryDevice(f[0], out ulong major, out ulong minor) && ulong.TryParse(f[2], CultureInfo.InvariantCulture, out ulong value))
                entries.Add(new BlkioEntry(major, minor, f[1], value));
        }
        return entries;
    }

    private static bool TryDevice(string text, out ulong major, out ulong minor)
    {
        string[] parts = text.Split(':');
        minor = 0;
        major = 0;
        return parts.Length == 2 && ulong.TryParse(parts[0], CultureInfo.InvariantCulture, out major) && ulong.TryParse(parts[1], CultureInfo.InvariantCulture, out minor);
    }

    private static Dictionary<string, HugetlbStats> Hugetlb(CgroupTarget? hugetlb)
    {
        var stats = new Dictionary<string, HugetlbStats>();
        if (hugetlb is null) return stats;
        foreach (string size in HugePageSizes.OnThisHost())
        {
            stats[size] = hugetlb.IsUnified
                ? new HugetlbStats(StatFiles.Number(hugetlb, $"hugetlb.{size}.current"), 0,
                    StatFiles.Keyed(hugetlb, $"hugetlb.{size}.events").GetValueOrDefault("max"))
                : new HugetlbStats(StatFiles.Number(hugetlb, $"hugetlb.{size}.usage_in_bytes"), StatFiles.Number(hugetlb, $"hugetlb.{size}.max_usage_in_bytes"),
                    StatFiles.Number(hugetlb, $"hugetlb.{size}.failcnt"));
        }
        return stats;
    }
}
