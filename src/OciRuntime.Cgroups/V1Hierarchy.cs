namespace OciRuntime.Cgroups;

/// <summary>A mounted cgroup v1 hierarchy and the runtime's own cgroup in it.</summary>
/// <param name="Id">Hierarchy id, the first field of /proc/self/cgroup.</param>
/// <param name="MountPoint">Where the hierarchy is mounted, e.g. /sys/fs/cgroup/memory.</param>
/// <param name="MountRoot">The cgroup shown at the mount point (mountinfo field 4), usually "/".</param>
/// <param name="Controllers">Resource controllers bound to it, e.g. ["cpu", "cpuacct"]; empty for named hierarchies.</param>
/// <param name="Name">For named hierarchies such as name=systemd, the name ("systemd"); otherwise null.</param>
/// <param name="OwnCgroup">The runtime's own cgroup in this hierarchy, as /proc/self/cgroup shows it.</param>
public sealed record V1Hierarchy(
    int Id,
    string MountPoint,
    string MountRoot,
    IReadOnlyList<string> Controllers,
    string? Name,
    string OwnCgroup)
{
    public bool IsNamed => Name is not null;

    /// <summary>The keys this hierarchy contributes to <see cref="ICgroupManager.Paths"/>.</summary>
    public IReadOnlyList<string> PathKeys => IsNamed ? [CgroupPathKeys.Named(Name!)] : Controllers;
}
