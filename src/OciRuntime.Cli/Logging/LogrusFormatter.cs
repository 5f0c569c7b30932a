using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OciRuntime.Cli.Logging;

/// <summary>
/// Log lines in logrus's shapes, because engines parse them: containerd's shim reads the last
/// {"level":"error","msg":...,"time":...} line of the --log file to explain a failure.
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
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("level", Level(level));
            w.WriteString("msg", message);
            w.WriteString("time", time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffK"));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Text(LogLevel level, string message, DateTimeOffset time) =>
        $"time=\"{time:yyyy-MM-dd'T'HH:mm:ssK}\" level={Level(level)} msg=\"{message.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"";
}
