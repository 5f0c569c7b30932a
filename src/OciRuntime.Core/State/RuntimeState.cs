namespace OciRuntime.Core.State;

/// <summary>
/// The facts the runtime learned while creating a container, persisted as state.json beside a copy of config.json.
/// Everything else (status, spec) is derived or read from that copy.
/// </summary>
public sealed class RuntimeState
{
    public string Id { get; set; } = "";
    public int InitPid { get; set; }
    /// <summary>Start time of the init process in clock ticks (/proc/pid/stat field 22): guards against pid reuse.</summary>
    public ulong InitStartTime { get; set; }
    public string Bundle { get; set; } = "";
    public string Rootfs { get; set; } = "";
    public DateTime Created { get; set; }
    public string Owner { get; set; } = "";
    public string OciVersion { get; set; } = "";
    /// <summary>Cgroup directories per hierarchy, as the cgroup manager named them.</summary>
    public Dictionary<string, string> CgroupPaths { get; set; } = new();
    public Dictionary<string, string>? Annotations { get; set; }
}
