using Microsoft.Extensions.Logging;

namespace OciRuntime.Cli.Logging;

/// <summary>
/// The runtime's logger behind --log, --log-format and --debug. Without --log, lines go to stderr.
/// </summary>
public sealed class RuntimeLogger(string? logPath, bool json, LogLevel minimum) : ILogger
{
    public bool WritesToFile => logPath is not null;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        string message = formatter(state, exception);
        var now = DateTimeOffset.Now;
        string line = json ? LogrusFormatter.Json(logLevel, message, now) : LogrusFormatter.Text(logLevel, message, now);
        if (logPath is null)
        {
            Console.Error.WriteLine(line);
            return;
        }
        try
        {
            File.AppendAllText(logPath, line + "\n");
        }
        catch (IOException)
        {
            Console.Error.WriteLine(line);
        }
    }
}
