namespace OciRuntime.Cgroups;

/// <summary>
/// A container's resource usage in runc's terms (libcontainer's cgroups.Stats), so `events` prints the same
/// shape on v1 and v2: v2 values are converted to the v1 meanings (nanoseconds, memory+swap for swap).
/// </summary>
public sealed record CgroupStats(CpuStats Cpu, MemoryStats Memory, PidsStats Pids, BlkioStats Blkio, IReadOnlyDictionary<string, HugetlbStats> Hugetlb);

/// <param name="Total">CPU time used, ns.</param>
/// <param name="Kernel">System CPU time, ns.</param>
/// <param name="User">User CPU time, ns.</param>
public sealed record CpuStats(ulong Total, IReadOnlyList<ulong> PerCpu, IReadOnlyList<ulong> PerCpuKernel, IReadOnlyList<ulong> PerCpuUser,
    ulong Kernel, ulong User, ulong Periods, ulong ThrottledPeriods, ulong ThrottledTime);

/// <summary>One memory counter group: limit, usage, peak usage and how often the limit was hit.</summary>
public sealed record MemoryEntry(ulong Limit, ulong Usage, ulong Max, ulong Failcnt);

public sealed record MemoryStats(ulong Cache, MemoryEntry Usage, MemoryEntry Swap, MemoryEntry Kernel, MemoryEntry KernelTcp,
    IReadOnlyDictionary<string, ulong> Raw);

public sealed record PidsStats(ulong Current, ulong Limit);

public sealed record BlkioEntry(ulong Major, ulong Minor, string Op, ulong Value);

public sealed record BlkioStats(IReadOnlyList<BlkioEntry> IoServiceBytesRecursive, IReadOnlyList<BlkioEntry> IoServicedRecursive);

public sealed record HugetlbStats(ulong Usage, ulong Max, ulong Failcnt);
