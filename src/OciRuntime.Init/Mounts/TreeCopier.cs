using System.Runtime.InteropServices;
using OciRuntime.Init.Appliers;
using OciRuntime.Linux;

namespace OciRuntime.Init.Mounts;

/// <summary>
/// Copies a directory's contents into another, keeping each entry's type, mode and owner: regular files,
/// directories, symlinks (not followed), device nodes, FIFOs and sockets. Used for runc's `tmpcopyup` mount option,
/// where the image's files under a tmpfs mount point are copied into the fresh tmpfs.
/// </summary>
public static unsafe partial class TreeCopier
{
    private const int AT_SYMLINK_NOFOLLOW = 0x100;
    private const uint S_IFMT = 0xF000, S_IFDIR = 0x4000, S_IFREG = 0x8000, S_IFLNK = 0xA000;

    public static void CopyContents(string source, string target)
    {
        foreach (string entry in Directory.EnumerateFileSystemEntries(source))
            CopyEntry(entry, Path.Combine(target, Path.GetFileName(entry)));
    }

    private static void CopyEntry(string source, string target)
    {
        var st = Lstat(source);
        switch (st.Mode & S_IFMT)
        {
            case S_IFDIR:
                Check(mkdir(target, st.Mode & 0xFFF), "mkdir", target);
                CopyContents(source, target);
                break;
            case S_IFREG:
                File.Copy(source, target);
                break;
            case S_IFLNK:
                File.CreateSymbolicLink(target, new FileInfo(source).LinkTarget ?? throw new IOException($"{source}: unreadable symlink"));
                break;
            default:
                Check(mknod(target, st.Mode, DeviceApplier.Makedev(st.RdevMajor, st.RdevMinor)), "mknod", target);
                break;
        }
        Check(lchown(target, st.Uid, st.Gid), "lchown", target);
        if ((st.Mode & S_IFMT) != S_IFLNK) Check(chmod(target, st.Mode & 0xFFF), "chmod", target);
    }

    private readonly record struct Stat(uint Mode, uint Uid, uint Gid, uint RdevMajor, uint RdevMinor);

    private static Stat Lstat(string path)
    {
        byte* buffer = stackalloc byte[256];
        const uint STATX_BASIC_STATS = 0x7FF;
        Check(statx(-100 /* AT_FDCWD */, path, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buffer), "statx", path);
        return new Stat(Mode: *(ushort*)(buffer + 28), Uid: *(uint*)(buffer + 20), Gid: *(uint*)(buffer + 24),
            RdevMajor: *(uint*)(buffer + 128), RdevMinor: *(uint*)(buffer + 132));
    }

    private static void Check(int result, string call, string path)
    {
        if (result < 0) throw new SysError(call, path, Marshal.GetLastPInvokeError());
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mkdir(string path, uint mode);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mknod(string path, uint mode, ulong dev);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lchown(string path, uint uid, uint gid);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int chmod(string path, uint mode);
}
