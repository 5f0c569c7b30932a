using System.Text.Json.Serialization;

namespace OciRuntime.Spec.Model;

public sealed class Mount
{
    public string? Destination { get; set; }
    public string? Type { get; set; }
    public string? Source { get; set; }
    public List<string>? Options { get; set; }
    public List<IdMapping>? UidMappings { get; set; }
    public List<IdMapping>? GidMappings { get; set; }
}

public sealed class IdMapping
{
    [JsonPropertyName("containerID")]
    public uint ContainerId { get; set; }

    [JsonPropertyName("hostID")]
    public uint HostId { get; set; }

    public uint Size { get; set; }
}
