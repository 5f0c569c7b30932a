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
    public const string MemoryReservation = "/linux/resources/memory/reservation";
    public const string MemorySwappiness = "/linux/resources/memory/swappiness";
    public const string DisableOomKiller = "/linux/resources/memory/disableOOMKiller";
    public const string CpuBurst = "/linux/resources/cpu/burst";
    public const string CpuRealtimeRuntime = "/linux/resources/cpu/realtimeRuntime";
    public const string CpuRealtimePeriod = "/linux/resources/cpu/realtimePeriod";
    public const string CpuIdle = "/linux/resources/cpu/idle";
    public const string BlockIO = "/linux/resources/blockIO";
    public const string HugepageLimits = "/linux/resources/hugepageLimits";
    public const string Rdma = "/linux/resources/rdma";

    /// <summary>A map key as a JSON pointer token (RFC 6901: "~" as "~0", "/" as "~1").</summary>
    public static string Token(string key) => key.Replace("~", "~0").Replace("/", "~1");
}
