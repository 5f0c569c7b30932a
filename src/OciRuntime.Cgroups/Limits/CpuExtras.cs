using System.Globalization;

namespace OciRuntime.Cgroups;

/// <summary>
/// cpu.burst, realtimeRuntime/realtimePeriod and idle: cpu.cfs_burst_us, cpu.rt_runtime_us / cpu.rt_period_us
/// and cpu.idle on v1; cpu.max.burst and cpu.idle on v2, which has no realtime group scheduling.
/// </summary>
internal static class CpuExtras
{
    public static void Apply(CgroupTarget target, ulong? burst, long? rtRuntime, ulong? rtPeriod, long? idle)
    {
        if (target.IsUnified)
        {
            if (rtRuntime is not null || rtPeriod is not null)
                throw new CgroupException(rtRuntime is not null ? ResourcePointers.CpuRealtimeRuntime : ResourcePointers.CpuRealtimePeriod,
                    "cgroup v2 has no realtime group scheduling (cpu.rt_* are v1 files)");
            if (burst is { } b) target.Write("cpu.max.burst", Number(b), ResourcePointers.CpuBurst);
        }
        else
        {
            if (burst is { } b) target.Write("cpu.cfs_burst_us", Number(b), ResourcePointers.CpuBurst);
            // The runtime must fit in the period, so the period goes first (as runc).
            if (rtPeriod is { } period) target.Write("cpu.rt_period_us", Number(period), ResourcePointers.CpuRealtimePeriod);
            if (rtRuntime is { } runtime) target.Write("cpu.rt_runtime_us", runtime.ToString(CultureInfo.InvariantCulture), ResourcePointers.CpuRealtimeRuntime);
        }
        if (idle is { } value) target.Write("cpu.idle", value.ToString(CultureInfo.InvariantCulture), ResourcePointers.CpuIdle);
    }

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
