namespace OciRuntime.Cgroups;

/// <summary>The mounted cgroup2 hierarchy and the runtime's own cgroup in it.</summary>
/// <param name="MountPoint">Where cgroup2 is mounted, e.g. /sys/fs/cgroup or /sys/fs/cgroup/unified.</param>
/// <param name="MountRoot">The cgroup shown at the mount point (mountinfo field 4), usually "/".</param>
/// <param name="OwnCgroup">The runtime's own cgroup, from the "0::/path" line of /proc/self/cgroup.</param>
public sealed record UnifiedHierarchy(string MountPoint, string MountRoot, string OwnCgroup);
