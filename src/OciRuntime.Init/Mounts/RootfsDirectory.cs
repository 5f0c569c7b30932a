using System.Runtime.InteropServices;
using OciRuntime.Linux;

namespace OciRuntime.Init.Mounts;

/// <summary>
/// Paths inside the rootfs resolved by the kernel with openat2(RESOLVE_IN_ROOT): a symlink, absolute or "../..",
/// resolves as if the rootfs were "/", and the result is a descriptor, so a symlink swapped in afterwards can't
/// redirect what we mount. Mount calls then target "/proc/self/fd/N", the very inode we resolved.
/// </summary>
public sealed unsafe partial class RootfsDirectory : IDisposable
{
    private readonly int _root;

    public RootfsDirectory(string rootfs) =>
        _root = SysError.Check(Libc.open(rootfs, O.PATH | O.DIRECTORY | O.CLOEXEC, 0), "open", rootfs);

    /// <summary>
    /// An O_PATH descriptor for <paramref name="path"/> inside the rootfs, creating what is missing on the way:
    /// directories, and for the last component an empty file when <paramref name="asFile"/> (a bind of a file).
    /// </summary>
    public PinnedPath OpenOrCreate(string path, bool asFile) => OpenOrCreate(path, asFile, linksLeft: 40);

    private PinnedPath OpenOrCreate(string path, bool asFile, int linksLeft)
    {
        int fd = Resolve(path);
        if (fd >= 0) return new PinnedPath(fd);
        if (Errno.Last != Errno.ENOENT) throw new SysError("openat2", path, Errno.Last);

        string trimmed = path.TrimEnd('/');
        int slash = trimmed.LastIndexOf('/');
        string parent = slash <= 0 ? "/" : trimmed[..slash];
        string name = trimmed[(slash + 1)..];
        using (var parentFd = OpenOrCreate(parent, asFile: false, linksLeft))
        {
            int r = asFile
                ? Libc.openat(parentFd.Fd, name, O.CREAT | O.EXCL | O.NOFOLLOW | O.WRONLY | O.CLOEXEC, 0b110_100_100)
                : mkdirat(parentFd.Fd, name, 0b111_101_101);
            if (r < 0 && Errno.Last != Errno.EEXIST) throw new SysError(asFile ? "create" : "mkdir", path, Errno.Last);
            if (asFile && r >= 0) Libc.close(r);
            // EEXIST yet unresolvable: a dangling symlink. Create what it points at, inside the rootfs, as the
            // container would see it.
            if (r < 0) FollowDangling(parentFd.Fd, parent, name, path, asFile, linksLeft);
        }
        fd = Resolve(path);
        if (fd < 0) throw new SysError("openat2", path, Errno.Last);
        return new PinnedPath(fd);
    }

    /// <summary>Resolves an existing path; null when it doesn't exist.</summary>
    public PinnedPath? TryOpen(string path)
    {
        int fd = Resolve(path);
        return fd >= 0 ? new PinnedPath(fd) : Errno.Last == Errno.ENOENT ? null : throw new SysError("openat2", path, Errno.Last);
    }

    private int Resolve(string path) =>
        Openat2.Open(_root, path, O.PATH | O.CLOEXEC, Openat2.RESOLVE_IN_ROOT | Openat2.RESOLVE_NO_MAGICLINKS);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mkdirat(int dirfd, string path, uint mode);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint readlinkat(int dirfd, string path, byte* buffer, nint size);

    private void FollowDangling(int parentFd, string parent, string name, string path, bool asFile, int linksLeft)
    {
        using var existing = TryOpen(path);
        if (existing is not null || DanglingTarget(parentFd, name) is not { } target) return;
        if (linksLeft == 0) throw new SysError("openat2", path, Errno.ELOOP);
        string followed = target.StartsWith('/') ? target : $"{parent.TrimEnd('/')}/{target}";
        OpenOrCreate(followed, asFile, linksLeft - 1).Dispose();
    }

    private static string? DanglingTarget(int dirfd, string name)
    {
        byte* buffer = stackalloc byte[4096];
        nint n = readlinkat(dirfd, name, buffer, 4096);
        return n > 0 ? System.Text.Encoding.UTF8.GetString(buffer, (int)n) : null;
    }

    public void Dispose() => Libc.close(_root);
}

/// <summary>An O_PATH descriptor on a resolved path; <see cref="ProcPath"/> names it for mount(2).</summary>
public sealed class PinnedPath(int fd) : IDisposable
{
    public int Fd { get; private set; } = fd;
    public string ProcPath => $"/proc/self/fd/{Fd}";

    public bool IsDirectory => Directory.Exists(ProcPath);

    public void Dispose()
    {
        if (Fd >= 0) Libc.close(Fd);
        Fd = -1;
    }
}
