namespace OciRuntime.Cgroups;

/// <summary>
/// On cgroup2 a cgroup only gets a controller's files when every ancestor lists the controller in its
/// cgroup.subtree_control. This enables just the requested controllers, from the mount point down to
/// the container's parent.
/// </summary>
internal static class UnifiedControllerEnabler
{
    /// <remarks>
    /// Best effort: the kernel refuses (EBUSY) to enable controllers in a non-root cgroup that still has
    /// processes of its own, e.g. the runtime's own cgroup. Setting a limit then fails and says so.
    /// </remarks>
    public static void Enable(CgroupTarget target, IEnumerable<string> controllers)
    {
        string[] wanted = controllers.ToArray();
        if (wanted.Length == 0) return;

        IReadOnlyList<string> chain = CgroupPaths.Chain(target.MountPoint, target.Directory);
        foreach (string ancestor in chain.Take(chain.Count - 1))
        {
            string subtreeControl = Path.Combine(ancestor, "cgroup.subtree_control");
            foreach (string controller in wanted)
            {
                bool available = CgroupFile.ListContains(Path.Combine(ancestor, "cgroup.controllers"), controller);
                if (available && !CgroupFile.ListContains(subtreeControl, controller))
                    CgroupFile.TryWrite(subtreeControl, "+" + controller);
            }
        }
    }
}
