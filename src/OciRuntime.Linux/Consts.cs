namespace OciRuntime.Linux;

public static class O
{
    public const int RDONLY = 0, WRONLY = 1, RDWR = 2, CREAT = 0x40, EXCL = 0x80, NOCTTY = 0x100, TRUNC = 0x200,
        NONBLOCK = 0x800, DIRECTORY = 0x10000, NOFOLLOW = 0x20000, CLOEXEC = 0x80000, PATH = 0x200000;
}

public static class Ms
{
    public const ulong RDONLY = 1, NOSUID = 2, NODEV = 4, NOEXEC = 8, SYNCHRONOUS = 16, REMOUNT = 32, MANDLOCK = 64,
        DIRSYNC = 128, NOSYMFOLLOW = 256, NOATIME = 1024, NODIRATIME = 2048, BIND = 4096, MOVE = 8192, REC = 16384,
        SILENT = 32768, UNBINDABLE = 1 << 17, PRIVATE = 1 << 18, SLAVE = 1 << 19, SHARED = 1 << 20,
        RELATIME = 1 << 21, STRICTATIME = 1 << 24, LAZYTIME = 1 << 25;
}

public static class Clone
{
    public const uint NEWTIME = 0x80, NEWNS = 0x20000, NEWCGROUP = 0x02000000, NEWUTS = 0x04000000,
        NEWIPC = 0x08000000, NEWUSER = 0x10000000, NEWPID = 0x20000000, NEWNET = 0x40000000;
}

public static class Sys
{
    // x86_64 numbers; the AOT binary targets linux-x64.
    public const int PivotRoot = 155, PidfdSendSignal = 424, PidfdOpen = 434, CloseRange = 436;
}

public static class Af
{
    public const int UNIX = 1;
    public const int SOCK_STREAM = 1, SOCK_SEQPACKET = 5, SOCK_CLOEXEC = 0x80000;
}

public static class Pr
{
    public const int SET_PDEATHSIG = 1, SET_DUMPABLE = 4, SET_NAME = 15, SET_CHILD_SUBREAPER = 36, SET_NO_NEW_PRIVS = 38;
}
