using System.Text.Json.Serialization;

namespace OciRuntime.Core.State;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false)]
[JsonSerializable(typeof(RuntimeState))]
internal partial class StateJsonContext : JsonSerializerContext;
