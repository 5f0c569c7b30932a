using OciRuntime.Cgroups;
using OciRuntime.Linux;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// Cgroups for a rootless container, as runc treats them: used when every directory the container needs can be
/// made by the user (a delegated subtree); otherwise skipped when the config sets no limit, and refused, naming
/// the limit, when it does. Decided before anything is created, so a refusal leaves no directory behind.
/// </summary>
public static class RootlessCgroups
{
    private const int W_OK = 2, X_OK = 1;

    public static ICgroupManager? UsableOrNone(ICgroupManager cgroup, CgroupResources resources)
    {
        string? blocked = cgroup.Paths.Values.Distinct().FirstOrDefault(d => !Writable(d));
        if (blocked is null) return cgroup;
        string? limit = resources.FirstLimitPointer();
        if (limit is not null)
            throw new RuntimeError($"{limit}: a rootless container can't set cgroup limits here: {blocked} can't be " +
                $"created by uid {Libc.geteuid()} (no delegated cgroup)");
        return null;
    }

    /// <summary>The directory exists with a writable cgroup.procs, or its nearest existing ancestor is writable.</summary>
    private static bool Writable(string directory)
    {
        if (Directory.Exists(directory)) return Libc.access(Path.Combine(directory, "cgroup.procs"), W_OK) == 0;
        string? ancestor = Path.GetDirectoryName(directory.TrimEnd('/'));
        while (ancestor is not null && !Directory.Exists(ancestor)) ancestor = Path.GetDirectoryName(ancestor);
        return ancestor is not null && Libc.access(ancestor, W_OK | X_OK) == 0;
    }
}
