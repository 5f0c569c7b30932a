using OciRuntime.Spec.Model;

namespace OciRuntime.Cgroups;

/// <summary>
/// The resource limits the cgroup managers understand, mapped by the caller from the OCI
/// linux.resources section. Null means "leave unchanged". Values follow the OCI spec: memory in
/// bytes with -1 for unlimited, MemorySwap is memory+swap, PidsLimit -1 for unlimited, CpuQuota -1 for
/// unlimited, CpuShares as in cgroup v1 (converted to cpu.weight on v2). As in runc, a 0 pids limit,
/// shares, quota or period and an empty cpuset string are treated as unset. Devices is the whole ordered
/// device rule list (the config's rules then the defaults); the cgroup ends up allowing what it says.
/// </summary>
public sealed record CgroupResources(
    long? MemoryLimit = null,
    long? MemorySwap = null,
    long? PidsLimit = null,
    long? CpuShares = null,
    long? CpuQuota = null,
    ulong? CpuPeriod = null,
    string? CpusetCpus = null,
    string? CpusetMems = null,
    IReadOnlyList<DeviceRule>? Devices = null,
    long? MemoryReservation = null,
    ulong? MemorySwappiness = null,
    bool? DisableOomKiller = null,
    bool CheckBeforeUpdate = false,
    ulong? CpuBurst = null,
    long? CpuRealtimeRuntime = null,
    ulong? CpuRealtimePeriod = null,
    long? CpuIdle = null,
    LinuxBlockIO? BlockIO = null,
    IReadOnlyList<LinuxHugepageLimit>? HugepageLimits = null,
    LinuxNetwork? Network = null,
    IReadOnlyDictionary<string, LinuxRdma>? Rdma = null,
    IReadOnlyDictionary<string, string>? Unified = null)
{
    /// <summary>The config field of the first limit these resources set, or null when they set none.</summary>
    public string? FirstLimitPointer() =>
        MemoryLimit is not null ? ResourcePointers.MemoryLimit
        : MemorySwap is not null ? ResourcePointers.MemorySwap
        : PidsLimit is not null and not 0 ? ResourcePointers.PidsLimit
        : CpuShares is not null and not 0 ? ResourcePointers.CpuShares
        : CpuQuota is not null and not 0 ? ResourcePointers.CpuQuota
        : CpuPeriod is not null and not 0 ? ResourcePointers.CpuPeriod
        : !string.IsNullOrEmpty(CpusetCpus) ? ResourcePointers.CpusetCpus
        : !string.IsNullOrEmpty(CpusetMems) ? ResourcePointers.CpusetMems
        : MemoryReservation is not null ? ResourcePointers.MemoryReservation
        : MemorySwappiness is not null ? ResourcePointers.MemorySwappiness
        : DisableOomKiller == true ? ResourcePointers.DisableOomKiller
        : CpuBurst is not null ? ResourcePointers.CpuBurst
        : CpuRealtimeRuntime is not null ? ResourcePointers.CpuRealtimeRuntime
        : CpuRealtimePeriod is not null ? ResourcePointers.CpuRealtimePeriod
        : CpuIdle is not null ? ResourcePointers.CpuIdle
        : BlockIO is not null ? ResourcePointers.BlockIO
        : HugepageLimits is { Count: > 0 } ? ResourcePointers.HugepageLimits
        : Network is not null ? "/linux/resources/network"
        : Rdma is { Count: > 0 } ? ResourcePointers.Rdma
        : Unified is { Count: > 0 } ? "/linux/resources/unified"
        : null;

    /// <summary>The controllers these resources need, by their kernel names; unset (null, 0, "") values need none.</summary>
    public IReadOnlyList<string> RequiredControllers()
    {
        var controllers = new List<string>();
        if (MemoryLimit is not null || MemorySwap is not null || HasMemoryExtras) controllers.Add(Controllers.Memory);
        if (PidsLimit is not null and not 0) controllers.Add(Controllers.Pids);
        if (CpuShares is not null and not 0 || CpuQuota is not null and not 0 || CpuPeriod is not null and not 0 || HasCpuExtras)
            controllers.Add(Controllers.Cpu);
        if (!string.IsNullOrEmpty(CpusetCpus) || !string.IsNullOrEmpty(CpusetMems)) controllers.Add(Controllers.Cpuset);
        if (BlockIO is not null) controllers.Add(Controllers.Io);
        if (HugepageLimits is { Count: > 0 }) controllers.Add(Controllers.Hugetlb);
        if (Rdma is { Count: > 0 }) controllers.Add(Controllers.Rdma);
        if (Unified is not null) controllers.AddRange(UnifiedValues.Controllers(Unified).Except(controllers));
        return controllers;
    }

    public bool HasMemoryExtras => MemoryReservation is not null || MemorySwappiness is not null || DisableOomKiller is not null;

    public bool HasCpuExtras => CpuBurst is not null || CpuRealtimeRuntime is not null || CpuRealtimePeriod is not null || CpuIdle is not null;
}
