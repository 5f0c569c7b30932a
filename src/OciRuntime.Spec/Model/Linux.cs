using System.Text.Json.Serialization;

namespace OciRuntime.Spec.Model;

/// <summary>The "linux" section of config.json (config-linux.md).</summary>
public sealed class LinuxSpec
{
    public List<IdMapping>? UidMappings { get; set; }
    public List<IdMapping>? GidMappings { get; set; }
    public Dictionary<string, string>? Sysctl { get; set; }
    public LinuxResources? Resources { get; set; }
    public string? CgroupsPath { get; set; }
    public List<LinuxNamespace>? Namespaces { get; set; }
    public List<LinuxDevice>? Devices { get; set; }
    public Dictionary<string, LinuxNetDevice>? NetDevices { get; set; }
    public LinuxSeccomp? Seccomp { get; set; }
    public string? RootfsPropagation { get; set; }
    public List<string>? MaskedPaths { get; set; }
    public List<string>? ReadonlyPaths { get; set; }
    public string? MountLabel { get; set; }
    public LinuxIntelRdt? IntelRdt { get; set; }
    public LinuxMemoryPolicy? MemoryPolicy { get; set; }
    public LinuxPersonality? Personality { get; set; }
    public Dictionary<string, LinuxTimeOffset>? TimeOffsets { get; set; }
}

public sealed class LinuxNamespace
{
    public string? Type { get; set; }
    public string? Path { get; set; }
}

public sealed class LinuxDevice
{
    public string? Path { get; set; }
    public string? Type { get; set; }
    public long? Major { get; set; }
    public long? Minor { get; set; }
    public uint? FileMode { get; set; }
    public uint? Uid { get; set; }
    public uint? Gid { get; set; }
}

public sealed class LinuxNetDevice
{
    public string? Name { get; set; }
}

public sealed class LinuxTimeOffset
{
    public long Secs { get; set; }
    public uint Nanosecs { get; set; }
}

public sealed class LinuxIntelRdt
{
    [JsonPropertyName("closID")]
    public string? ClosId { get; set; }

    public List<string>? Schemata { get; set; }
    public string? L3CacheSchema { get; set; }
    public string? MemBwSchema { get; set; }
    public bool? EnableMonitoring { get; set; }
}

public sealed class LinuxMemoryPolicy
{
    public string? Mode { get; set; }
    public string? Nodes { get; set; }
    public List<string>? Flags { get; set; }
}

public sealed class LinuxPersonality
{
    public string? Domain { get; set; }
    public List<string>? Flags { get; set; }
}
