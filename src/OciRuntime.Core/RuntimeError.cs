namespace OciRuntime.Core;

/// <summary>An error to report to the user as one line, with the exit code the CLI should return.</summary>
public sealed class RuntimeError : Exception
{
    public int ExitCode { get; }

    public RuntimeError(string message, int exitCode = ExitCodes.Failure, Exception? inner = null) : base(message, inner)
        => ExitCode = exitCode;
}

public static class ExitCodes
{
    public const int Success = 0, Failure = 1, Usage = 1;
}
