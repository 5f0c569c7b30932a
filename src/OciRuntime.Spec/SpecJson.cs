using System.Text.Encodings.Web;
using System.Text.Json;

namespace OciRuntime.Spec;

public static class SpecJson
{
    /// <summary>
    /// Same settings as <see cref="SpecJsonContext.Default"/>, but writes '+', quotes and non-ASCII text as they are
    /// ("1.2.0+dev" instead of "1.2.0\u002Bdev"). Use it for documents printed to people or other tools.
    /// </summary>
    public static SpecJsonContext Readable { get; } = new(
        new JsonSerializerOptions(SpecJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
