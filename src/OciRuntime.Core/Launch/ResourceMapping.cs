using OciRuntime.Cgroups;
using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Launch;

public static class ResourceMapping
{
    /// <summary>The limits of a new container: device rules always (the config's, then the defaults), as runc.</summary>
    public static CgroupResources ForCreate(LinuxSpec? linux) => From(linux?.Resources) with
    {
        Devices = DeviceRuleMapping.WithDefaults(linux?.Resources?.Devices, linux?.Devices),
    };

    /// <summary>The limits a linux.resources object asks for; device rules only when it has a devices list.</summary>
    public static CgroupResources From(LinuxResources? r) => new(
        MemoryLimit: r?.Memory?.Limit,
        MemorySwap: r?.Memory?.Swap,
        PidsLimit: r?.Pids?.Limit,
        CpuShares: r?.Cpu?.Shares is ulong shares ? (long)shares : null,
        CpuQuota: r?.Cpu?.Quota,
        CpuPeriod: r?.Cpu?.Period,
        CpusetCpus: r?.Cpu?.Cpus,
        CpusetMems: r?.Cpu?.Mems,
        Devices: r?.Devices is { } rules ? DeviceRuleMapping.WithDefaults(rules, null) : null,
        // Like runc, memory.kernel and kernelTCP are accepted and ignored (kernel memory accounting is gone from
        // recent kernels) and useHierarchy is left to the kernel (always on in cgroup2 and in v1 since 6.x).
        MemoryReservation: r?.Memory?.Reservation,
        MemorySwappiness: r?.Memory?.Swappiness,
        DisableOomKiller: r?.Memory?.DisableOomKiller,
        CheckBeforeUpdate: r?.Memory?.CheckBeforeUpdate == true,
        CpuBurst: r?.Cpu?.Burst,
        CpuRealtimeRuntime: r?.Cpu?.RealtimeRuntime,
        CpuRealtimePeriod: r?.Cpu?.RealtimePeriod,
        CpuIdle: r?.Cpu?.Idle,
        BlockIO: r?.BlockIO,
        HugepageLimits: r?.HugepageLimits,
        Network: r?.Network,
        Rdma: r?.Rdma,
        Unified: r?.Unified);
}
