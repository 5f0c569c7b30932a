namespace OciRuntime.Cgroups;

/// <summary>Builds the cgroupfs manager for a new container.</summary>
public static class CgroupManagerFactory
{
    /// <summary>
    /// Resolves <paramref name="cgroupsPath"/> in every hierarchy of <paramref name="layout"/> (every v1
    /// hierarchy, named ones included, plus cgroup2 when mounted). Nothing is created until Create().
    /// </summary>
    /// <exception cref="CgroupException">The path is unusable (Pointer "/linux/cgroupsPath").</exception>
    public static ICgroupManager Create(CgroupLayout layout, string? cgroupsPath, string containerId)
    {
        var targets = new List<CgroupTarget>();
        foreach (V1Hierarchy hierarchy in layout.V1Hierarchies)
        {
            string directory = CgroupPathResolver.Resolve(hierarchy.MountPoint, hierarchy.MountRoot, hierarchy.OwnCgroup, cgroupsPath, containerId);
            targets.Add(new CgroupTarget(directory, hierarchy.MountPoint, isUnified: false, hierarchy.PathKeys, hierarchy.Controllers));
        }
        if (layout.Unified is { } unified)
        {
            string directory = CgroupPathResolver.Resolve(unified.MountPoint, unified.MountRoot, unified.OwnCgroup, cgroupsPath, containerId);
            targets.Add(new CgroupTarget(directory, unified.MountPoint, isUnified: true, [CgroupPathKeys.Unified], []));
        }
        return new CgroupManager(targets);
    }
}
