using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OciRuntime.Spec;

/// <summary>Strict JSON parsing whose errors are <see cref="SpecException"/>s naming the JSON pointer at fault.</summary>
public static class SpecParser
{
    public static T Parse<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo) where T : class
    {
        T? document;
        try
        {
            document = JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException ex)
        {
            throw new SpecException(JsonPointer.FromJsonPath(ex.Path), JsonErrorText.Describe(ex), ex);
        }
        return document ?? throw new SpecException("", "the document must be a JSON object, not null");
    }
}
