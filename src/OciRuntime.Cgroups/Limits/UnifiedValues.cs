namespace OciRuntime.Cgroups;

/// <summary>
/// linux.resources.unified: raw cgroup2 file names and values written to the container's cgroup2 directory.
/// Refused without cgroup2; on hybrid hosts only files of controllers the cgroup2 hierarchy has (or cgroup.*
/// core files) can be set, since the other controllers live on v1.
/// </summary>
internal static class UnifiedValues
{
    public static void Apply(IReadOnlyList<CgroupTarget> targets, IReadOnlyDictionary<string, string> values)
    {
        CgroupTarget? unified = targets.FirstOrDefault(t => t.IsUnified);
        foreach (var (key, value) in values)
        {
            string pointer = $"/linux/resources/unified/{ResourcePointers.Token(key)}";
            if (unified is null) throw new CgroupException(pointer, "this host has no cgroup v2 hierarchy");
            if (key.Contains('/') || key is "." or ".." || !key.Contains('.'))
                throw new CgroupException(pointer, "must name a cgroup2 interface file such as \"memory.high\"");
            string controller = key[..key.IndexOf('.')];
            if (controller != "cgroup" && ControllerRouter.Find(targets, controller) != unified)
                throw new CgroupException(pointer, $"the {controller} controller is not on this host's cgroup v2 hierarchy ({unified.MountPoint})");
            unified.Write(key, value, pointer);
        }
    }

    /// <summary>The controllers the keys name (to enable in the ancestors' cgroup.subtree_control).</summary>
    public static IEnumerable<string> Controllers(IReadOnlyDictionary<string, string> values) =>
        values.Keys.Where(k => k.Contains('.')).Select(k => k[..k.IndexOf('.')]).Where(c => c != "cgroup").Distinct();
}
