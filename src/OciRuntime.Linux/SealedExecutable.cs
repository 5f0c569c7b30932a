using System.Runtime.InteropServices;

namespace OciRuntime.Linux;

/// <summary>
/// CVE-2019-5736: a container process that becomes our binary (an entrypoint of `#!/proc/self/exe`) or that reaches
/// our init through /proc/&lt;pid&gt;/exe could open the host's ociruntime for writing once we exit. So init never
/// runs from the host file as mounted. As root it runs through a detached read-only bind mount of the binary
/// (open_tree + mount_setattr): /proc/&lt;pid&gt;/exe then names a file whose every write fails with EROFS, at the
/// cost of two syscalls and no memory. Without the privilege for that (rootless), it runs from an anonymous memfd
/// copy sealed against every change, made outside the container's memory cgroup and freed once init execs the
/// user's program; that costs a copy of the binary per waiting container.
/// </summary>
public sealed unsafe partial class SealedExecutable : IDisposable
{
    private const uint MFD_CLOEXEC = 0x1, MFD_ALLOW_SEALING = 0x2, MFD_EXEC = 0x10;
    private const int F_ADD_SEALS = 1033;
    private const int F_SEAL_SEAL = 0x1, F_SEAL_SHRINK = 0x2, F_SEAL_GROW = 0x4, F_SEAL_WRITE = 0x8;

    private readonly int fd;

    private SealedExecutable(int fd) => this.fd = fd;

    /// <summary>A path that execs the sealed copy from this process (resolved before close-on-exec applies).</summary>
    public string ExecPath => $"/proc/self/fd/{fd}";

    public static SealedExecutable CopyOfSelf() => ReadOnlyBindOf("/proc/self/exe") ?? CopyOf("/proc/self/exe");

    /// <summary>A detached, read-only bind mount of the file, or null where the kernel or our privileges refuse.</summary>
    public static SealedExecutable? ReadOnlyBindOf(string path)
    {
        const int SYS_open_tree = 428, SYS_mount_setattr = 442, AT_EMPTY_PATH = 0x1000;
        const uint OPEN_TREE_CLONE = 1, OPEN_TREE_CLOEXEC = O.CLOEXEC;
        const ulong MOUNT_ATTR_RDONLY = 0x1, MOUNT_ATTR_NOSUID = 0x2, MOUNT_ATTR_NODEV = 0x4;
        int tree;
        fixed (byte* p = System.Text.Encoding.UTF8.GetBytes(path + "\0"))
            tree = (int)Libc.syscall(SYS_open_tree, -100 /* AT_FDCWD */, (nint)p, (nint)(OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC), 0, 0);
        if (tree < 0) return null;
        // struct mount_attr { u64 attr_set, attr_clr, propagation, userns_fd; }
        ulong* attr = stackalloc ulong[4] { MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV, 0, 0, 0 };
        byte empty = 0;
        if (Libc.syscall(SYS_mount_setattr, tree, (nint)(&empty), AT_EMPTY_PATH, (nint)attr, 32) < 0)
        {
            Libc.close(tree);
            return null;
        }
        return new SealedExecutable(tree);
    }

    public static SealedExecutable CopyOf(string path)
    {
        int source = SysError.Check(Libc.open(path, O.RDONLY | O.CLOEXEC, 0), "open", path);
        int memfd = -1;
        try
        {
            memfd = CreateExecutableMemfd();
            // sendfile moves at most ~2 GiB a call; loop to end of file.
            while (true)
            {
                nint n = sendfile(memfd, source, 0, 1 << 30);
                if (n < 0) throw new SysError("sendfile", path, Marshal.GetLastPInvokeError());
                if (n == 0) break;
            }
            SysError.Check(Libc.fcntl(memfd, F_ADD_SEALS, F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE),
                "fcntl(F_ADD_SEALS)", "memfd copy of " + path);
            return new SealedExecutable(memfd);
        }
        catch
        {
            if (memfd >= 0) Libc.close(memfd);
            throw;
        }
        finally
        {
            Libc.close(source);
        }
    }

    /// <summary>
    /// Kernels from 6.3 may default memfds to non-executable (vm.memfd_noexec) unless MFD_EXEC is given; older ones
    /// reject the flag with EINVAL.
    /// </summary>
    private static int CreateExecutableMemfd()
    {
        int memfd = memfd_create("ociruntime", MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_EXEC);
        if (memfd < 0 && Marshal.GetLastPInvokeError() == Errno.EINVAL)
            memfd = memfd_create("ociruntime", MFD_CLOEXEC | MFD_ALLOW_SEALING);
        return SysError.Check(memfd, "memfd_create", "ociruntime");
    }

    public void Dispose() => Libc.close(fd);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int memfd_create(string name, uint flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint sendfile(int outFd, int inFd, nint offset, nuint count);
}
