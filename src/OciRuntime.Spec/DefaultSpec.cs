using OciRuntime.Spec.Model;

namespace OciRuntime.Spec;

/// <summary>The config written by <c>spec</c>: the same content as <c>runc spec</c>, hostname aside.</summary>
public static class DefaultSpec
{
    public const string Hostname = "ociruntime";

    private static readonly string[] DefaultCapabilities = ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"];

    public static RuntimeSpec Create() => new()
    {
        OciVersion = SpecVersion.Current,
        Process = new Process
        {
            Terminal = true,
            User = new User { Uid = 0, Gid = 0 },
            Args = ["sh"],
            Env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"],
            Cwd = "/",
            Capabilities = new LinuxCapabilities
            {
                Bounding = [.. DefaultCapabilities],
                Effective = [.. DefaultCapabilities],
                Permitted = [.. DefaultCapabilities],
            },
            Rlimits = [new PosixRlimit { Type = "RLIMIT_NOFILE", Hard = 1024, Soft = 1024 }],
            NoNewPrivileges = true,
        },
        Root = new Root { Path = "rootfs", Readonly = true },
        Hostname = Hostname,
        Mounts = DefaultMounts(),
        Linux = new LinuxSpec
        {
            Resources = new LinuxResources { Devices = [new LinuxDeviceCgroup { Allow = false, Access = "rwm" }] },
            Namespaces =
            [
                new LinuxNamespace { Type = NamespaceTypes.Pid },
                new LinuxNamespace { Type = NamespaceTypes.Network },
                new LinuxNamespace { Type = NamespaceTypes.Ipc },
                new LinuxNamespace { Type = NamespaceTypes.Uts },
                new LinuxNamespace { Type = NamespaceTypes.Mount },
                new LinuxNamespace { Type = NamespaceTypes.Cgroup },
            ],
            MaskedPaths =
            [
                "/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
                "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware", "/proc/scsi", "/sys/devices/virtual/powercap",
            ],
            ReadonlyPaths = ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"],
        },
    };

    /// <summary>
    /// The config written by <c>spec --rootless</c>: a new user namespace mapping container root to the given host
    /// ids, no network namespace (so /sys is bind-mounted rather than a new sysfs), no uid=/gid= mount options and
    /// no cgroup resources.
    /// </summary>
    public static RuntimeSpec CreateRootless(uint hostUid, uint hostGid)
    {
        var spec = Create();
        var linux = spec.Linux!;
        linux.Namespaces = linux.Namespaces!
            .Where(ns => ns.Type is not (NamespaceTypes.Network or NamespaceTypes.User))
            .Append(new LinuxNamespace { Type = NamespaceTypes.User })
            .ToList();
        linux.UidMappings = [new IdMapping { ContainerId = 0, HostId = hostUid, Size = 1 }];
        linux.GidMappings = [new IdMapping { ContainerId = 0, HostId = hostGid, Size = 1 }];
        linux.Resources = null;
        spec.Mounts = spec.Mounts!.Select(ForRootless).ToList();
        return spec;
    }

    private static Mount ForRootless(Mount mount) => mount.Destination == "/sys"
        ? new Mount
        {
            Destination = "/sys",
            Type = "none",
            Source = "/sys",
            Options = ["rbind", "nosuid", "noexec", "nodev", "ro"],
        }
        : new Mount
        {
            Destination = mount.Destination,
            Type = mount.Type,
            Source = mount.Source,
            Options = mount.Options?.Where(o => !o.StartsWith("uid=") && !o.StartsWith("gid=")).ToList(),
        };

    private static List<Mount> DefaultMounts() =>
    [
        new() { Destination = "/proc", Type = "proc", Source = "proc" },
        new()
        {
            Destination = "/dev", Type = "tmpfs", Source = "tmpfs",
            Options = ["nosuid", "strictatime", "mode=755", "size=65536k"],
        },
        new()
        {
            Destination = "/dev/pts", Type = "devpts", Source = "devpts",
            Options = ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"],
        },
        new()
        {
            Destination = "/dev/shm", Type = "tmpfs", Source = "shm",
            Options = ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"],
        },
        new() { Destination = "/dev/mqueue", Type = "mqueue", Source = "mqueue", Options = ["nosuid", "noexec", "nodev"] },
        new() { Destination = "/sys", Type = "sysfs", Source = "sysfs", Options = ["nosuid", "noexec", "nodev", "ro"] },
        new()
        {
            Destination = "/sys/fs/cgroup", Type = "cgroup", Source = "cgroup",
            Options = ["nosuid", "noexec", "nodev", "relatime", "ro"],
        },
    ];
}
