using OciRuntime.Init.Mounts;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init.Appliers;

/// <summary>
/// linux.sysctl, written after pivot_root through the container's /proc/sys (so into its own namespaces) and
/// before readonlyPaths makes /proc/sys read-only, through a /proc the kernel confirmed is procfs.
/// </summary>
public sealed class SysctlApplier(LinuxSpec? linux)
{
    public void Apply()
    {
        var sysctl = linux?.Sysctl;
        if (sysctl is not { Count: > 0 }) return;
        using var proc = VerifiedProcfs.Open($"/linux/sysctl/{JsonPointer.Escape(sysctl.Keys.First())}");
        foreach (var (key, value) in sysctl)
            proc.Write("sys/" + SysctlKeys.RelativePath(key), value, $"/linux/sysctl/{JsonPointer.Escape(key)}");
    }
}
