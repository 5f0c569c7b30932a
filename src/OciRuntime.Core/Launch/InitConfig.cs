using System.Text.Json.Serialization;

namespace OciRuntime.Core.Launch;

/// <summary>What the parent hands the managed init once it is inside the container's namespaces.</summary>
public sealed class InitConfig
{
    public string Id { get; set; } = "";
    public string Bundle { get; set; } = "";
    public string Rootfs { get; set; } = "";
    /// <summary>The bundle's config.json as read by the parent (so init never re-reads a file that may have changed).</summary>
    public string ConfigJson { get; set; } = "";
    public bool NoPivot { get; set; }
    /// <summary>Descriptor number (in init) of an O_PATH handle on exec.fifo.</summary>
    public int FifoFd { get; set; }
    /// <summary>Extra descriptors from 3 up that the user process keeps (--preserve-fds).</summary>
    public int PreserveFds { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InitConfig))]
public partial class InitConfigJsonContext : JsonSerializerContext;
