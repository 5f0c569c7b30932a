using System.Text.Json;

namespace OciRuntime.Core.Json;

/// <summary>
/// Reading and writing the runtime's own small documents (state.json, the init configuration) without
/// JsonSerializer: its type metadata costs milliseconds to build on every start, and these are on the create path.
/// </summary>
public static class SmallJson
{
    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string>? map)
    {
        if (map is null) return;
        writer.WriteStartObject(name);
        foreach (var (key, value) in map) writer.WriteString(key, value);
        writer.WriteEndObject();
    }

    public static void WriteList(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    public static List<string> List(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];

    public static string String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    public static bool Bool(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    public static long Long(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;

    public static ulong ULong(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetUInt64() : 0;

    public static Dictionary<string, string>? Map(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Object) return null;
        var map = new Dictionary<string, string>();
        foreach (var p in v.EnumerateObject()) map[p.Name] = p.Value.GetString() ?? "";
        return map;
    }
}
