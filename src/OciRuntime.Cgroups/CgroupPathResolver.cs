namespace OciRuntime.Cgroups;

/// <summary>
/// Turns an OCI cgroupsPath into a directory inside one hierarchy, the way runc's cgroupfs driver does:
/// an absolute path is taken from the hierarchy's root, a relative one is nested under the runtime's
/// own cgroup, and a missing one becomes "&lt;own cgroup&gt;/&lt;containerId&gt;".
/// </summary>
public static class CgroupPathResolver
{
    public const string Pointer = "/linux/cgroupsPath";

    /// <param name="mountPoint">Where the hierarchy is mounted.</param>
    /// <param name="mountRoot">The cgroup shown at the mount point (mountinfo field 4).</param>
    /// <param name="ownCgroup">The runtime's own cgroup in the hierarchy, from /proc/self/cgroup.</param>
    /// <exception cref="CgroupException">The path contains "..", or names the hierarchy root or the runtime's own cgroup.</exception>
    public static string Resolve(string mountPoint, string mountRoot, string ownCgroup, string? cgroupsPath, string containerId)
    {
        if (string.IsNullOrEmpty(cgroupsPath))
        {
            if (CgroupPaths.Components(containerId) is not [_] || CgroupPaths.HasParentReference(containerId))
                throw new CgroupException(Pointer, $"container id \"{containerId}\" cannot name a cgroup directory");
            return Resolve(mountPoint, mountRoot, ownCgroup, containerId, containerId);
        }

        if (CgroupPaths.HasParentReference(cgroupsPath))
            throw new CgroupException(Pointer, $"\"{cgroupsPath}\" must not contain \"..\"");

        if (!cgroupsPath.StartsWith('/') && CgroupPaths.Components(cgroupsPath).Length == 0)
            throw new CgroupException(Pointer, $"\"{cgroupsPath}\" names the runtime's own cgroup");

        string[] below = cgroupsPath.StartsWith('/')
            ? CgroupPaths.Below(cgroupsPath, mountRoot) ?? CgroupPaths.Components(cgroupsPath)
            : [.. OwnCgroupBelowRoot(ownCgroup, mountRoot), .. CgroupPaths.Components(cgroupsPath)];

        if (below.Length == 0)
            throw new CgroupException(Pointer, $"\"{cgroupsPath}\" names the root of the cgroup hierarchy at {mountPoint}");
        return CgroupPaths.Join(mountPoint, below);
    }

    /// <summary>The directory of the runtime's own cgroup in a hierarchy.</summary>
    public static string OwnDirectory(string mountPoint, string mountRoot, string ownCgroup) =>
        CgroupPaths.Join(mountPoint, OwnCgroupBelowRoot(ownCgroup, mountRoot));

    // Without a cgroup namespace a container sees its own cgroup's full path while its mount shows only a
    // subtree (mount root "/docker/<id>"), so the root must be stripped to find the directory.
    private static string[] OwnCgroupBelowRoot(string ownCgroup, string mountRoot) =>
        CgroupPaths.Below(ownCgroup, mountRoot) ?? CgroupPaths.Components(ownCgroup);
}
