namespace OciRuntime.Cgroups;

/// <summary>The cgroup of one container, across every hierarchy the host mounts.</summary>
public interface ICgroupManager
{
    /// <summary>
    /// The container's cgroup directory per hierarchy, for the state file. Keys: each v1 resource
    /// controller by name ("memory", "cpu", "cpuacct", "pids", ...; co-mounted controllers such as
    /// cpu,cpuacct each map to their shared directory), "name=&lt;name&gt;" for a named v1 hierarchy
    /// ("name=systemd"), and "unified" (<see cref="CgroupPathKeys.Unified"/>) for the cgroup2 directory,
    /// on pure v2 and hybrid hosts alike.
    /// </summary>
    IReadOnlyDictionary<string, string> Paths { get; }

    /// <summary>
    /// Creates the directories (mkdir -p) in every hierarchy. On cgroup2, enables in each ancestor's
    /// cgroup.subtree_control the controllers <paramref name="resources"/> need (those the ancestor offers).
    /// On v1, seeds an empty cpuset.cpus/cpuset.mems from the parent so processes can join.
    /// </summary>
    void Create(CgroupResources? resources = null);

    /// <summary>Moves the process into the container's cgroup in every hierarchy.</summary>
    void Apply(int pid);

    /// <summary>Writes the limits; null values are left unchanged.</summary>
    /// <exception cref="CgroupException">A controller is missing or the kernel refused a value; Pointer names the setting.</exception>
    void Set(CgroupResources resources);

    /// <summary>Every process in the container's cgroups, child cgroups included, sorted.</summary>
    IReadOnlyList<int> GetPids();

    /// <summary>Sends the signal to every process of the cgroups, a few rounds to catch late forks.</summary>
    void KillAll(int signal);

    /// <summary>Kills what is left with SIGKILL and removes the directories. Does nothing if already gone.</summary>
    /// <exception cref="CgroupException">A directory stayed busy for about a second.</exception>
    void Destroy();

    /// <summary>True while any of the container's cgroup directories exists.</summary>
    bool Exists();

    /// <summary>How many processes the OOM killer killed in the cgroup, or null when the kernel does not say.</summary>
    long? OomKillCount();

    /// <summary>The cgroup's resource usage, as `events` reports it; counters a host lacks read as zero.</summary>
    CgroupStats Stats();

    /// <summary>Freezes every process in the cgroup and returns once the kernel reports it frozen.</summary>
    void Freeze();

    /// <summary>Thaws the cgroup and returns once the kernel reports it thawed.</summary>
    void Thaw();
}
