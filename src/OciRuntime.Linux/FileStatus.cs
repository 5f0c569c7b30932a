using System.Runtime.InteropServices;

namespace OciRuntime.Linux;

/// <summary>What statx reports about a file that .NET's own APIs don't: owner, type bits and device numbers.</summary>
public readonly unsafe partial record struct FileStatus(uint Mode, uint Uid, uint Gid, uint RdevMajor, uint RdevMinor)
{
    public const uint S_IFMT = 0xF000, S_IFCHR = 0x2000, S_IFDIR = 0x4000, S_IFREG = 0x8000, S_IFLNK = 0xA000;
    private const int AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100, AT_EMPTY_PATH = 0x1000;
    private const uint STATX_BASIC_STATS = 0x7FF;

    public uint Type => Mode & S_IFMT;

    public bool IsCharDevice(uint major, uint minor) => Type == S_IFCHR && RdevMajor == major && RdevMinor == minor;

    /// <summary>The file itself, not what a symlink points to.</summary>
    public static FileStatus Lstat(string path) => Statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW);

    /// <summary>The file an open descriptor (O_PATH included) refers to.</summary>
    public static FileStatus Of(int fd) => Statx(fd, "", AT_EMPTY_PATH);

    private static FileStatus Statx(int dirfd, string path, int flags)
    {
        byte* buffer = stackalloc byte[256];
        if (statx(dirfd, path, flags, STATX_BASIC_STATS, buffer) < 0)
            throw new SysError("statx", path.Length > 0 ? path : $"fd {dirfd}", Marshal.GetLastPInvokeError());
        // struct statx: stx_uid at 20, stx_gid at 24, stx_mode at 28, stx_rdev_major/minor at 128/132.
        return new FileStatus(*(ushort*)(buffer + 28), *(uint*)(buffer + 20), *(uint*)(buffer + 24),
            *(uint*)(buffer + 128), *(uint*)(buffer + 132));
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int dirfd, string path, int flags, uint mask, byte* buffer);
}
