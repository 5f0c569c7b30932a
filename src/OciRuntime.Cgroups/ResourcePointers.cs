namespace OciRuntime.Cgroups;

/// <summary>JSON pointers into config.json of the settings each limit comes from.</summary>
internal static class ResourcePointers
{
    public const string MemoryLimit = "/linux/resources/memory/limit";
    public const string MemorySwap = "/linux/resources/memory/swap";
    public const string PidsLimit = "/linux/resources/pids/limit";
    public const string CpuShares = "/linux/resources/cpu/shares";
    public const string CpuQuota = "/linux/resources/cpu/quota";
    public const string CpuPeriod = "/linux/resources/cpu/period";
    public const string CpusetCpus = "/linux/resources/cpu/cpus";
    public const string CpusetMems = "/linux/resources/cpu/mems";
    public const string Devices = "/linux/resources/devices";
}
