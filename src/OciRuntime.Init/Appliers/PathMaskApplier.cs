using OciRuntime.Init.Mounts;
using OciRuntime.Linux;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init.Appliers;

/// <summary>
/// After pivot_root: readonlyPaths become read-only binds of themselves; maskedPaths are hidden behind
/// /dev/null (files) or an empty read-only tmpfs (directories). Paths that don't exist are skipped, as in runc.
/// </summary>
public sealed class PathMaskApplier(LinuxSpec? linux)
{
    public void Apply()
    {
        var readOnly = linux?.ReadonlyPaths ?? [];
        for (int i = 0; i < readOnly.Count; i++) MakeReadOnly(readOnly[i], $"/linux/readonlyPaths/{i}");
        var masked = linux?.MaskedPaths ?? [];
        if (masked.Count == 0) return;
        using var nullDevice = OpenNullDevice();
        for (int i = 0; i < masked.Count; i++) Mask(masked[i], $"/linux/maskedPaths/{i}", nullDevice);
    }

    /// <summary>
    /// CVE-2025-31133: a file is masked by binding /dev/null over it. Were /dev/null a symlink or bind planted by the
    /// image or a shared mount (say to /proc/sys/kernel/core_pattern), the "mask" would expose that file writable
    /// instead. So the container's /dev/null is opened once without following links, checked to be the null
    /// device (char 1:3), and bound from that descriptor.
    /// </summary>
    private static PinnedPath OpenNullDevice()
    {
        var fd = new PinnedPath(SysError.Check(Libc.open("/dev/null", O.PATH | O.NOFOLLOW | O.CLOEXEC, 0), "open", "/dev/null"));
        var status = FileStatus.Of(fd.Fd);
        if (!status.IsCharDevice(1, 3))
        {
            fd.Dispose();
            throw new InvalidOperationException(
                $"/linux/maskedPaths: /dev/null in the container is not the null device (mode {status.Mode:x}, {status.RdevMajor}:{status.RdevMinor}); refusing to mask with it");
        }
        return fd;
    }

    private static void MakeReadOnly(string path, string field)
    {
        if (!Path.Exists(path)) return;
        RootfsApplier.Mount(path, path, null, Ms.BIND | Ms.REC, null, field);
        RootfsApplier.Mount(null, path, null, Ms.BIND | Ms.REMOUNT | Ms.RDONLY | Ms.REC | Ms.NOSUID | Ms.NODEV | Ms.NOEXEC, null, field);
    }

    private static void Mask(string path, string field, PinnedPath nullDevice)
    {
        if (Directory.Exists(path))
            RootfsApplier.Mount("tmpfs", path, "tmpfs", Ms.RDONLY, null, field);
        else if (Path.Exists(path))
            RootfsApplier.Mount(nullDevice.ProcPath, path, null, Ms.BIND, null, field);
    }
}
