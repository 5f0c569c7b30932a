using System.Runtime.InteropServices;
using System.Text;
using OciRuntime.Linux;

namespace OciRuntime.Init.Mounts;

/// <summary>
/// The container's /proc, opened once and confirmed by the kernel to be procfs. The image, or a mount the config
/// puts over /proc, could otherwise have the runtime write sysctls and security labels into files of its own
/// (CVE-2019-16884, CVE-2023-27561). Paths beneath it resolve without symlinks, magic links or mount crossings.
/// </summary>
public sealed unsafe partial class VerifiedProcfs : IDisposable
{
    private const long PROC_SUPER_MAGIC = 0x9fa0;
    private readonly int _fd;

    private VerifiedProcfs(int fd) => _fd = fd;

    /// <param name="field">The config field whose setting needs /proc, named in any error.</param>
    public static VerifiedProcfs Open(string field)
    {
        int fd = Libc.open("/proc", O.PATH | O.DIRECTORY | O.CLOEXEC, 0);
        if (fd < 0) throw new InvalidOperationException($"{field}: open /proc: {Errno.Describe(Errno.Last)}");
        // struct statfs starts with f_type; the rest is not needed.
        long* statfs = stackalloc long[16];
        if (fstatfs(fd, statfs) < 0 || statfs[0] != PROC_SUPER_MAGIC)
        {
            Libc.close(fd);
            throw new InvalidOperationException($"{field}: /proc in the container is not procfs");
        }
        return new VerifiedProcfs(fd);
    }

    /// <summary>Writes value to /proc/relative, which must exist.</summary>
    public void Write(string relative, string value, string field)
    {
        int fd = Openat2.Open(_fd, relative, O.WRONLY | O.CLOEXEC | O.NOFOLLOW,
            Openat2.RESOLVE_BENEATH | Openat2.RESOLVE_NO_SYMLINKS | Openat2.RESOLVE_NO_MAGICLINKS | Openat2.RESOLVE_NO_XDEV);
        if (fd < 0) throw new InvalidOperationException($"{field}: open /proc/{relative}: {Errno.Describe(Errno.Last)}");
        try
        {
            byte[] bytes = Encoding.UTF8.GetBytes(value);
            fixed (byte* p = bytes)
                if (Libc.write(fd, p, bytes.Length) < 0)
                    throw new InvalidOperationException($"{field}: write {value} to /proc/{relative}: {Errno.Describe(Errno.Last)}");
        }
        finally
        {
            Libc.close(fd);
        }
    }

    public bool Exists(string relative)
    {
        int fd = Openat2.Open(_fd, relative, O.PATH | O.CLOEXEC | O.NOFOLLOW,
            Openat2.RESOLVE_BENEATH | Openat2.RESOLVE_NO_SYMLINKS | Openat2.RESOLVE_NO_MAGICLINKS | Openat2.RESOLVE_NO_XDEV);
        if (fd >= 0) Libc.close(fd);
        return fd >= 0;
    }

    public void Dispose() => Libc.close(_fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fstatfs(int fd, long* buffer);
}
