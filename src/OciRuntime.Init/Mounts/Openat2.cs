using System.Runtime.InteropServices;
using OciRuntime.Linux;

namespace OciRuntime.Init.Mounts;

/// <summary>openat2(2): path resolution with the kernel enforcing where it may go.</summary>
public static unsafe class Openat2
{
    public const ulong RESOLVE_NO_XDEV = 0x01, RESOLVE_NO_MAGICLINKS = 0x02, RESOLVE_NO_SYMLINKS = 0x04,
        RESOLVE_BENEATH = 0x08, RESOLVE_IN_ROOT = 0x10;

    private const int SYS_openat2 = 437;

    [StructLayout(LayoutKind.Sequential)]
    private struct OpenHow { public ulong Flags, Mode, Resolve; }

    /// <summary>A descriptor, or -1 with errno set. Retries EAGAIN (a concurrent rename raced the lookup).</summary>
    public static int Open(int dirfd, string path, int flags, ulong resolve)
    {
        var how = new OpenHow { Flags = (ulong)flags, Resolve = resolve };
        using var strings = new NativeStrings();
        byte* p = strings.Add(path.Length == 0 ? "/" : path);
        while (true)
        {
            nint fd = Libc.syscall(SYS_openat2, dirfd, (nint)p, (nint)(&how), sizeof(OpenHow), 0);
            if (fd >= 0 || Errno.Last != Errno.EAGAIN) return (int)fd;
        }
    }
}
