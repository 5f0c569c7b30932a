namespace OciRuntime.Cgroups;

/// <summary>How the host arranges its cgroup filesystems.</summary>
public enum CgroupMode
{
    /// <summary>Only cgroup v1 hierarchies are mounted (one per controller group).</summary>
    V1,

    /// <summary>Only the cgroup2 unified hierarchy is mounted; every controller lives there.</summary>
    V2,

    /// <summary>
    /// Both: v1 hierarchies hold most controllers and cgroup2 is mounted too (typically at
    /// /sys/fs/cgroup/unified), holding whichever controllers no v1 hierarchy claimed.
    /// </summary>
    Hybrid,
}
