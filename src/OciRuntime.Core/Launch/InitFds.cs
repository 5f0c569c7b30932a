namespace OciRuntime.Core.Launch;

/// <summary>
/// Where the parent places its descriptors in the init process, and the environment variables that say so.
/// Preserved descriptors (--preserve-fds) occupy 3..3+N-1, so ours come after them.
/// </summary>
public static class InitFds
{
    public const string InitPipeEnv = "_OCIRT_INITPIPE";

    public static int InitPipe(int preserveFds) => 3 + preserveFds;
    public static int Fifo(int preserveFds) => 4 + preserveFds;
    public static int ConsoleSocket(int preserveFds) => 5 + preserveFds;
}
