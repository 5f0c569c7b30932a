namespace OciRuntime.Cgroups;

/// <summary>
/// One line of /proc/self/cgroup: "id:controllers:path". Id 0 with no controllers is the cgroup2 line;
/// v1 controller lists include named hierarchies as "name=systemd".
/// </summary>
internal sealed record ProcCgroupEntry(int HierarchyId, IReadOnlyList<string> Controllers, string Path)
{
    public bool IsUnified => HierarchyId == 0 && Controllers.Count == 0;
}
