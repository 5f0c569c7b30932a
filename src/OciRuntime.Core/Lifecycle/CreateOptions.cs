namespace OciRuntime.Core.Lifecycle;

public sealed record CreateOptions(
    string Id,
    string Bundle,
    string? PidFile = null,
    string? ConsoleSocket = null,
    /// <summary>A connected socket of the caller's (foreground run relays the terminal itself), or -1.</summary>
    int ConsoleSocketFd = -1,
    bool NoPivot = false,
    /// <summary>Keep the caller's session keyring instead of a new one named after the container.</summary>
    bool NoNewKeyring = false,
    /// <summary>Run on an overlay of the bundle's rootfs; the writes land in the state directory and go with delete.</summary>
    bool RootfsOverlay = false,
    int PreserveFds = 0,
    /// <summary>Descriptors from 3 up handed over by socket activation (LISTEN_FDS), before the preserved ones.</summary>
    int ListenFds = 0);
