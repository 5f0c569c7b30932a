using OciRuntime.Cgroups;
using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Launch;

public static class ResourceMapping
{
    public static CgroupResources From(LinuxResources? r) => new(
        MemoryLimit: r?.Memory?.Limit,
        MemorySwap: r?.Memory?.Swap,
        PidsLimit: r?.Pids?.Limit,
        CpuShares: r?.Cpu?.Shares is ulong shares ? (long)shares : null,
        CpuQuota: r?.Cpu?.Quota,
        CpuPeriod: r?.Cpu?.Period,
        CpusetCpus: r?.Cpu?.Cpus,
        CpusetMems: r?.Cpu?.Mems);
}
