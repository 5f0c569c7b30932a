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
        Devices: r?.Devices is { } rules ? DeviceRuleMapping.WithDefaults(rules, null) : null);
}
