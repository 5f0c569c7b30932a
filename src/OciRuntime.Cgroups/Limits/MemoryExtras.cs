using System.Globalization;

namespace OciRuntime.Cgroups;

/// <summary>
/// memory.reservation, swappiness and disableOOMKiller: memory.soft_limit_in_bytes, memory.swappiness and
/// memory.oom_control on v1; memory.low on v2, which has neither swappiness nor an OOM-killer switch. As in
/// runc, disableOOMKiller is ignored on v2; swappiness there is refused rather than silently dropped.
/// </summary>
internal static class MemoryExtras
{
    public static void Apply(CgroupTarget target, long? reservation, ulong? swappiness, bool? disableOomKiller)
    {
        if (target.IsUnified)
        {
            if (reservation is { } low)
                target.Write("memory.low", low == -1 ? "max" : Number(low), ResourcePointers.MemoryReservation);
            if (swappiness is not null)
                throw new CgroupException(ResourcePointers.MemorySwappiness, "cgroup v2 has no per-cgroup swappiness (memory.swappiness is a v1 file)");
            return;
        }
        if (reservation is { } soft) target.Write("memory.soft_limit_in_bytes", Number(soft), ResourcePointers.MemoryReservation);
        if (swappiness is { } value)
        {
            if (value > 100) throw new CgroupException(ResourcePointers.MemorySwappiness, $"must be between 0 and 100, got {value}");
            target.Write("memory.swappiness", value.ToString(CultureInfo.InvariantCulture), ResourcePointers.MemorySwappiness);
        }
        if (disableOomKiller is { } disable) target.Write("memory.oom_control", disable ? "1" : "0", ResourcePointers.DisableOomKiller);
    }

    /// <summary>
    /// memory.checkBeforeUpdate: refuses a new limit below what the cgroup already uses, instead of letting the
    /// kernel reclaim or OOM-kill to get under it.
    /// </summary>
    public static void CheckUsage(CgroupTarget target, long? limit)
    {
        if (limit is not > 0) return;
        string usageFile = target.IsUnified ? "memory.current" : "memory.usage_in_bytes";
        string? usage = CgroupFile.TryRead(target.PathOf(usageFile))?.Trim();
        if (long.TryParse(usage, NumberStyles.None, CultureInfo.InvariantCulture, out long used) && used > limit)
            throw new CgroupException(ResourcePointers.MemoryLimit,
                $"{limit} is below the current usage of {used} bytes ({target.PathOf(usageFile)}) and checkBeforeUpdate is set");
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
