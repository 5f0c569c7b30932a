using System.Runtime.InteropServices;
using OciRuntime.Linux;

namespace OciRuntime.Init.Mounts;

/// <summary>mount_setattr(2): per-mount attributes changed on a whole tree at once (Linux 5.12+).</summary>
public static unsafe class MountAttr
{
    public const ulong RDONLY = 0x1, NOSUID = 0x2, NODEV = 0x4, NOEXEC = 0x8,
        ATIME_MASK = 0x70, RELATIME = 0x0, NOATIME = 0x10, STRICTATIME = 0x20,
        NODIRATIME = 0x80, IDMAP = 0x100000, NOSYMFOLLOW = 0x200000;

    private const int SYS_mount_setattr = 442;
    private const int AT_EMPTY_PATH = 0x1000, AT_RECURSIVE = 0x8000;

    [StructLayout(LayoutKind.Sequential)]
    private struct Attr { public ulong Set, Clear, Propagation, UsernsFd; }

    /// <summary>Changes the mount <paramref name="mountRoot"/> is the root of, and every mount beneath it.</summary>
    public static void SetRecursive(PinnedPath mountRoot, ulong set, ulong clear, string field, string shownAs)
    {
        var attr = new Attr { Set = set, Clear = clear };
        byte empty = 0;
        if (Libc.syscall(SYS_mount_setattr, mountRoot.Fd, (nint)(&empty), AT_EMPTY_PATH | AT_RECURSIVE, (nint)(&attr), sizeof(Attr)) < 0)
            throw new InvalidOperationException($"{field}: mount_setattr on {shownAs}: {Errno.Describe(Errno.Last)}");
    }
}
