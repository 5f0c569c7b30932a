using System.Globalization;

namespace OciRuntime.Cgroups;

/// <summary>memory.limit_in_bytes / memory.memsw.limit_in_bytes on v1, memory.max / memory.swap.max on v2.</summary>
internal static class MemoryLimits
{
    private const string V1Limit = "memory.limit_in_bytes", V1Swap = "memory.memsw.limit_in_bytes";
    private const string V2Limit = "memory.max", V2Swap = "memory.swap.max";

    /// <param name="swap">Memory plus swap, as in the OCI spec; -1 for unlimited.</param>
    public static void Apply(CgroupTarget target, long? limit, long? swap)
    {
        if (target.IsUnified) ApplyV2(target, limit, swap);
        else ApplyV1(target, limit, swap);
    }

    private static void ApplyV1(CgroupTarget target, long? limit, long? swap)
    {
        bool swapAccounted = target.HasFile(V1Swap);
        if (!swapAccounted) swap = null;
        // The kernel keeps memory.limit <= memsw.limit, so lifting the memory limit also lifts memsw.
        else if (limit == -1 && swap is null) swap = -1;

        if (limit is null || swap is null)
        {
            if (swap is not null) target.Write(V1Swap, Number(swap.Value), ResourcePointers.MemorySwap);
            if (limit is not null) target.Write(V1Limit, Number(limit.Value), ResourcePointers.MemoryLimit);
            return;
        }

        // Every intermediate state must satisfy memory <= memory+swap: when the new memsw is at least
        // the current memory limit (raising), memsw goes first; when lowering, memory goes first.
        bool memswFirst = swap == -1 || (ulong)swap.Value >= CurrentV1Limit(target);
        if (memswFirst)
        {
            target.Write(V1Swap, Number(swap.Value), ResourcePointers.MemorySwap);
            target.Write(V1Limit, Number(limit.Value), ResourcePointers.MemoryLimit);
        }
        else
        {
            target.Write(V1Limit, Number(limit.Value), ResourcePointers.MemoryLimit);
            target.Write(V1Swap, Number(swap.Value), ResourcePointers.MemorySwap);
        }
    }

    private static ulong CurrentV1Limit(CgroupTarget target) =>
        ulong.TryParse(CgroupFile.TryRead(target.PathOf(V1Limit))?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong current)
            ? current
            : ulong.MaxValue;

    private static void ApplyV2(CgroupTarget target, long? limit, long? swap)
    {
        if (limit is not null) target.Write(V2Limit, MaxOrNumber(limit.Value), ResourcePointers.MemoryLimit);
        if (swap is null || !target.HasFile(V2Swap)) return;

        // cgroup2 limits swap alone, while the OCI value is memory+swap.
        string swapOnly;
        if (swap == -1) swapOnly = "max";
        else if (limit is null or -1)
            throw new CgroupException(ResourcePointers.MemorySwap, "a swap limit on cgroup v2 needs a memory limit too");
        else if (swap < limit)
            throw new CgroupException(ResourcePointers.MemorySwap, $"memory+swap ({swap}) must not be less than the memory limit ({limit})");
        else swapOnly = Number(swap.Value - limit.Value);
        target.Write(V2Swap, swapOnly, ResourcePointers.MemorySwap);
    }

    private static string MaxOrNumber(long value) => value == -1 ? "max" : Number(value);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
