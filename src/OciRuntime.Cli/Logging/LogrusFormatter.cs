using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OciRuntime.Spec;
using Microsoft.Extensions.Logging;

namespace OciRuntime.Cli.Logging;

/// <summary>
/// Log lines in logrus's shapes, because engines parse them: containerd's shim reads the last
/// {"level":"error","msg":...,"time":...} line of the --log file to explain a failure. Go parses "time" as RFC 3339,
/// so it must be UTC with a literal "Z" or "+00:00", never escaped: the default JSON encoder writes "+" as \u002B,
/// which containerd can't read.
/// </summary>
public static class LogrusFormatter
{
    public static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        _ => "fatal",
    };

    public static string Json(LogLevel level, string message, DateTimeOffset time)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("level", Level(level));
            w.WriteString("msg", message);
            w.WriteString("time", Rfc3339.FormatNano(time.UtcDateTime));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Text(LogLevel level, string message, DateTimeOffset time) =>
        $"time=\"{time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\" level={Level(level)} msg=\"{message.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";
}
