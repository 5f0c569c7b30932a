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
        for (int i = 0; i < masked.Count; i++) Mask(masked[i], $"/linux/maskedPaths/{i}");
    }

    private static void MakeReadOnly(string path, string field)
    {
        if (!Path.Exists(path)) return;
        RootfsApplier.Mount(path, path, null, Ms.BIND | Ms.REC, null, field);
        RootfsApplier.Mount(null, path, null, Ms.BIND | Ms.REMOUNT | Ms.RDONLY | Ms.REC | Ms.NOSUID | Ms.NODEV | Ms.NOEXEC, null, field);
    }

    private static void Mask(string path, string field)
    {
        if (Directory.Exists(path))
            RootfsApplier.Mount("tmpfs", path, "tmpfs", Ms.RDONLY, null, field);
        else if (Path.Exists(path))
            RootfsApplier.Mount("/dev/null", path, null, Ms.BIND, null, field);
    }
}
