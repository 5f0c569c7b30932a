using System.Text.Json.Serialization;

namespace OciRuntime.Spec.Model;

public sealed class LinuxResources
{
    public List<LinuxDeviceCgroup>? Devices { get; set; }
    public LinuxMemory? Memory { get; set; }
    public LinuxCpu? Cpu { get; set; }
    public LinuxPids? Pids { get; set; }

    [JsonPropertyName("blockIO")]
    public LinuxBlockIO? BlockIO { get; set; }

    public List<LinuxHugepageLimit>? HugepageLimits { get; set; }
    public LinuxNetwork? Network { get; set; }
    public Dictionary<string, LinuxRdma>? Rdma { get; set; }
    public Dictionary<string, string>? Unified { get; set; }
}

public sealed class LinuxDeviceCgroup
{
    public bool Allow { get; set; }
    public string? Type { get; set; }
    public long? Major { get; set; }
    public long? Minor { get; set; }
    public string? Access { get; set; }
}

public sealed class LinuxMemory
{
    public long? Limit { get; set; }
    public long? Reservation { get; set; }
    public long? Swap { get; set; }
    public long? Kernel { get; set; }

    [JsonPropertyName("kernelTCP")]
    public long? KernelTcp { get; set; }

    public ulong? Swappiness { get; set; }

    [JsonPropertyName("disableOOMKiller")]
    public bool? DisableOomKiller { get; set; }

    public bool? UseHierarchy { get; set; }
    public bool? CheckBeforeUpdate { get; set; }
}

public sealed class LinuxCpu
{
    public ulong? Shares { get; set; }
    public long? Quota { get; set; }
    public ulong? Burst { get; set; }
    public ulong? Period { get; set; }
    public long? RealtimeRuntime { get; set; }
    public ulong? RealtimePeriod { get; set; }
    public string? Cpus { get; set; }
    public string? Mems { get; set; }
    public long? Idle { get; set; }
}

public sealed class LinuxPids
{
    public long? Limit { get; set; }
}

public sealed class LinuxHugepageLimit
{
    public string? PageSize { get; set; }
    public ulong Limit { get; set; }
}

public sealed class LinuxNetwork
{
    [JsonPropertyName("classID")]
    public uint? ClassId { get; set; }

    public List<LinuxInterfacePriority>? Priorities { get; set; }
}

public sealed class LinuxInterfacePriority
{
    public string? Name { get; set; }
    public uint Priority { get; set; }
}

public sealed class LinuxRdma
{
    public uint? HcaHandles { get; set; }
    public uint? HcaObjects { get; set; }
}
