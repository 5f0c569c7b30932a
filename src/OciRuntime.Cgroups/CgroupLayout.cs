using OciRuntime.Linux;

namespace OciRuntime.Cgroups;

/// <summary>
/// Where the host mounts its cgroup hierarchies and where this process sits in each, as read from
/// /proc/self/mountinfo and /proc/self/cgroup.
/// </summary>
public sealed class CgroupLayout
{
    public CgroupMode Mode { get; }

    /// <summary>Every v1 hierarchy this process belongs to, named ones (name=systemd) included.</summary>
    public IReadOnlyList<V1Hierarchy> V1Hierarchies { get; }

    /// <summary>The cgroup2 hierarchy, or null when cgroup2 is not mounted.</summary>
    public UnifiedHierarchy? Unified { get; }

    private CgroupLayout(CgroupMode mode, IReadOnlyList<V1Hierarchy> v1Hierarchies, UnifiedHierarchy? unified)
    {
        Mode = mode;
        V1Hierarchies = v1Hierarchies;
        Unified = unified;
    }

    public static CgroupLayout Detect() =>
        Parse(File.ReadAllText("/proc/self/mountinfo"), File.ReadAllText("/proc/self/cgroup"));

    /// <exception cref="CgroupException">No cgroup filesystem this process belongs to is mounted.</exception>
    public static CgroupLayout Parse(string mountinfo, string procSelfCgroup)
    {
        IReadOnlyList<MountInfoEntry> mounts = MountInfo.Parse(mountinfo);
        IReadOnlyList<ProcCgroupEntry> memberships = ProcCgroupParser.Parse(procSelfCgroup);

        var v1 = new List<V1Hierarchy>();
        UnifiedHierarchy? unified = null;
        foreach (ProcCgroupEntry membership in memberships)
        {
            if (membership.IsUnified)
                unified ??= FindUnified(mounts, membership);
            else if (membership.Controllers.Count > 0 && FindV1(mounts, membership) is { } hierarchy)
                v1.Add(hierarchy);
        }

        CgroupMode mode = (v1.Count > 0, unified is not null) switch
        {
            (true, true) => CgroupMode.Hybrid,
            (false, true) => CgroupMode.V2,
            (true, false) => CgroupMode.V1,
            _ => throw new CgroupException(null, "no cgroup filesystem is mounted for this process"),
        };
        return new CgroupLayout(mode, v1.OrderBy(h => h.Id).ToArray(), unified);
    }

    /// <summary>The v1 hierarchy a resource controller (e.g. "memory") is bound to, if any.</summary>
    public V1Hierarchy? FindV1(string controller) =>
        V1Hierarchies.FirstOrDefault(h => h.Controllers.Contains(controller));

    private static V1Hierarchy? FindV1(IReadOnlyList<MountInfoEntry> mounts, ProcCgroupEntry membership)
    {
        MountInfoEntry? mount = PreferMountHoldingOwnCgroup(
            mounts.Where(m => m.FsType == "cgroup" && membership.Controllers.All(m.SuperOptions.Contains)),
            membership.Path);
        if (mount is null) return null;

        string? name = membership.Controllers.FirstOrDefault(CgroupPathKeys.IsNamed)?["name=".Length..];
        string[] controllers = membership.Controllers.Where(c => !CgroupPathKeys.IsNamed(c)).ToArray();
        return new V1Hierarchy(membership.HierarchyId, mount.MountPoint, mount.Root, controllers, name, membership.Path);
    }

    private static UnifiedHierarchy? FindUnified(IReadOnlyList<MountInfoEntry> mounts, ProcCgroupEntry membership)
    {
        MountInfoEntry? mount = PreferMountHoldingOwnCgroup(mounts.Where(m => m.FsType == "cgroup2"), membership.Path);
        return mount is null ? null : new UnifiedHierarchy(mount.MountPoint, mount.Root, membership.Path);
    }

    /// <summary>A hierarchy can be mounted several times; prefer a mount whose root contains our own cgroup.</summary>
    private static MountInfoEntry? PreferMountHoldingOwnCgroup(IEnumerable<MountInfoEntry> candidates, string ownCgroup)
    {
        MountInfoEntry[] all = candidates.ToArray();
        return all.FirstOrDefault(m => CgroupPaths.Below(ownCgroup, m.Root) is not null) ?? all.FirstOrDefault();
    }
}
