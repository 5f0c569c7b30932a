namespace OciRuntime.Core.Lifecycle;

public sealed record CreateOptions(
    string Id,
    string Bundle,
    string? PidFile = null,
    string? ConsoleSocket = null,
    bool NoPivot = false,
    int PreserveFds = 0);
