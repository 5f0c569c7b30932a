using System.Runtime.InteropServices;
using System.Text;
using OciRuntime.Init.Mounts;
using OciRuntime.Linux;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init.Appliers;

/// <summary>
/// linux.sysctl, written after pivot_root through the container's /proc/sys (so into its own namespaces) and
/// before readonlyPaths makes /proc/sys read-only. The image could put anything at /proc, so the writes go
/// through a descriptor the kernel confirms is procfs, and each key resolves beneath it without symlinks or
/// crossing into another mount.
/// </summary>
public sealed unsafe partial class SysctlApplier(LinuxSpec? linux)
{
    private const long PROC_SUPER_MAGIC = 0x9fa0;

    public void Apply()
    {
        var sysctl = linux?.Sysctl;
        if (sysctl is not { Count: > 0 }) return;
        int proc = Libc.open("/proc", O.PATH | O.DIRECTORY | O.CLOEXEC, 0);
        try
        {
            string first = $"/linux/sysctl/{JsonPointer.Escape(sysctl.Keys.First())}";
            if (proc < 0) throw new InvalidOperationException($"{first}: open /proc: {Errno.Describe(Errno.Last)}");
            if (FilesystemType(proc) != PROC_SUPER_MAGIC) throw new InvalidOperationException($"{first}: /proc in the container is not procfs");
            foreach (var (key, value) in sysctl) Write(proc, key, value);
        }
        finally
        {
            if (proc >= 0) Libc.close(proc);
        }
    }

    private static void Write(int proc, string key, string value)
    {
        string relative = "sys/" + SysctlKeys.RelativePath(key);
        string field = $"/linux/sysctl/{JsonPointer.Escape(key)}";
        int fd = Openat2.Open(proc, relative, O.WRONLY | O.CLOEXEC | O.NOFOLLOW,
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

    private static long FilesystemType(int fd)
    {
        // struct statfs starts with f_type; the rest is not needed.
        long* buffer = stackalloc long[16];
        return fstatfs(fd, buffer) < 0 ? -1 : buffer[0];
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fstatfs(int fd, long* buffer);
}
