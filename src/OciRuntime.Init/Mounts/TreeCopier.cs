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
    private const uint S_IFMT = FileStatus.S_IFMT, S_IFDIR = FileStatus.S_IFDIR, S_IFREG = FileStatus.S_IFREG, S_IFLNK = FileStatus.S_IFLNK;

    public static void CopyContents(string source, string target)
    {
        foreach (string entry in Directory.EnumerateFileSystemEntries(source))
            CopyEntry(entry, Path.Combine(target, Path.GetFileName(entry)));
    }

    private static void CopyEntry(string source, string target)
    {
        var st = FileStatus.Lstat(source);
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

    private static void Check(int result, string call, string path)
    {
        if (result < 0) throw new SysError(call, path, Marshal.GetLastPInvokeError());
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mkdir(string path, uint mode);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mknod(string path, uint mode, ulong dev);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int lchown(string path, uint uid, uint gid);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int chmod(string path, uint mode);
}
