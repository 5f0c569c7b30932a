using System.Text.Json.Serialization;
using OciRuntime.Spec.Model;

namespace OciRuntime.Spec;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(RuntimeSpec))]
[JsonSerializable(typeof(ContainerState))]
[JsonSerializable(typeof(Features))]
[JsonSerializable(typeof(Process))]
[JsonSerializable(typeof(LinuxResources))]
public sealed partial class SpecJsonContext : JsonSerializerContext;
