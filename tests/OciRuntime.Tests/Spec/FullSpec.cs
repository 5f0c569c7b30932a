using OciRuntime.Spec.Model;

namespace OciRuntime.Tests.Spec;

/// <summary>A config with every property this runtime models set, for naming and round-trip checks.</summary>
internal static class FullSpec
{
    public static RuntimeSpec Create() => new()
    {
        OciVersion = "1.3.0",
        Process = new Process
        {
            Terminal = true,
            ConsoleSize = new ConsoleSize { Height = 24, Width = 80 },
            User = new User { Uid = 1, Gid = 2, Umask = 18, AdditionalGids = [5, 6], Username = "someone" },
            Args = ["sh", "-c", "true"],
            CommandLine = "sh -c true",
            Env = ["PATH=/bin"],
            Cwd = "/",
            Capabilities = new LinuxCapabilities
            {
                Bounding = ["CAP_KILL"], Effective = ["CAP_KILL"], Inheritable = ["CAP_KILL"],
                Permitted = ["CAP_KILL"], Ambient = ["CAP_KILL"],
            },
            Rlimits = [new PosixRlimit { Type = "RLIMIT_NOFILE", Hard = 1024, Soft = 512 }],
            NoNewPrivileges = true,
            ApparmorProfile = "profile",
            OomScoreAdj = 100,
            Scheduler = new Scheduler
            {
                Policy = "SCHED_DEADLINE", Nice = 1, Priority = 2, Flags = ["SCHED_FLAG_RESET_ON_FORK"],
                Runtime = 10, Deadline = 20, Period = 30,
            },
            SelinuxLabel = "system_u:system_r:container_t:s0",
            IoPriority = new IoPriority { Class = "IOPRIO_CLASS_BE", Priority = 4 },
            ExecCpuAffinity = new ExecCpuAffinity { Initial = "0-1", Final = "2,3" },
        },
        Root = new Root { Path = "rootfs", Readonly = true },
        Hostname = "host",
        Domainname = "example.test",
        Mounts =
        [
            new Mount
            {
                Destination = "/data", Type = "none", Source = "/srv", Options = ["rbind", "idmap"],
                UidMappings = [new IdMapping { ContainerId = 0, HostId = 1000, Size = 10 }],
                GidMappings = [new IdMapping { ContainerId = 0, HostId = 1000, Size = 10 }],
            },
        ],
        Hooks = new Hooks
        {
            Prestart = [Hook()], CreateRuntime = [Hook()], CreateContainer = [Hook()],
            StartContainer = [Hook()], Poststart = [Hook()], Poststop = [Hook()],
        },
        Annotations = new() { ["com.example.key"] = "value" },
        Linux = FullLinux(),
    };

    private static Hook Hook() => new() { Path = "/bin/hook", Args = ["hook", "x"], Env = ["A=b"], Timeout = 5 };

    private static LinuxSpec FullLinux() => new()
    {
        UidMappings = [new IdMapping { ContainerId = 0, HostId = 100000, Size = 65536 }],
        GidMappings = [new IdMapping { ContainerId = 0, HostId = 100000, Size = 65536 }],
        Sysctl = new() { ["net.ipv4.ip_forward"] = "1" },
        Resources = FullResources(),
        CgroupsPath = "/runtime/c1",
        Namespaces =
        [
            new LinuxNamespace { Type = "pid" }, new LinuxNamespace { Type = "network", Path = "/var/run/netns/x" },
            new LinuxNamespace { Type = "mount" }, new LinuxNamespace { Type = "ipc" },
            new LinuxNamespace { Type = "uts" }, new LinuxNamespace { Type = "user" },
            new LinuxNamespace { Type = "cgroup" }, new LinuxNamespace { Type = "time" },
        ],
        Devices = [new LinuxDevice { Path = "/dev/fuse", Type = "c", Major = 10, Minor = 229, FileMode = 438, Uid = 0, Gid = 0 }],
        NetDevices = new() { ["eth0"] = new LinuxNetDevice { Name = "ctr0" } },
        Seccomp = new LinuxSeccomp
        {
            DefaultAction = "SCMP_ACT_ERRNO",
            DefaultErrnoRet = 1,
            Architectures = ["SCMP_ARCH_X86_64"],
            Flags = ["SECCOMP_FILTER_FLAG_LOG"],
            ListenerPath = "/run/agent.sock",
            ListenerMetadata = "meta",
            Syscalls =
            [
                new LinuxSyscall
                {
                    Names = ["clone"], Action = "SCMP_ACT_NOTIFY", ErrnoRet = 2,
                    Args = [new LinuxSeccompArg { Index = 0, Value = 1, ValueTwo = 2, Op = "SCMP_CMP_MASKED_EQ" }],
                },
            ],
        },
        RootfsPropagation = "slave",
        MaskedPaths = ["/proc/kcore"],
        ReadonlyPaths = ["/proc/sys"],
        MountLabel = "system_u:object_r:container_file_t:s0",
        IntelRdt = new LinuxIntelRdt
        {
            ClosId = "c1", Schemata = ["L3:0=f"], L3CacheSchema = "L3:0=f", MemBwSchema = "MB:0=20",
            EnableMonitoring = true,
        },
        MemoryPolicy = new LinuxMemoryPolicy { Mode = "MPOL_BIND", Nodes = "0-1", Flags = ["MPOL_F_STATIC_NODES"] },
        Personality = new LinuxPersonality { Domain = "LINUX32", Flags = [] },
        TimeOffsets = new()
        {
            ["monotonic"] = new LinuxTimeOffset { Secs = 10, Nanosecs = 5 },
            ["boottime"] = new LinuxTimeOffset { Secs = -3, Nanosecs = 0 },
        },
    };

    private static LinuxResources FullResources() => new()
    {
        Devices = [new LinuxDeviceCgroup { Allow = true, Type = "c", Major = 1, Minor = 3, Access = "rwm" }],
        Memory = new LinuxMemory
        {
            Limit = 1 << 30, Reservation = 1 << 29, Swap = 1L << 31, Kernel = -1, KernelTcp = -1, Swappiness = 60,
            DisableOomKiller = false, UseHierarchy = true, CheckBeforeUpdate = true,
        },
        Cpu = new LinuxCpu
        {
            Shares = 1024, Quota = 50000, Burst = 1000, Period = 100000, RealtimeRuntime = 950000,
            RealtimePeriod = 1000000, Cpus = "0-1", Mems = "0", Idle = 0,
        },
        Pids = new LinuxPids { Limit = 100 },
        BlockIO = new LinuxBlockIO
        {
            Weight = 500, LeafWeight = 300,
            WeightDevice = [new LinuxWeightDevice { Major = 8, Minor = 0, Weight = 500, LeafWeight = 300 }],
            ThrottleReadBpsDevice = [Throttle()], ThrottleWriteBpsDevice = [Throttle()],
            ThrottleReadIopsDevice = [Throttle()], ThrottleWriteIopsDevice = [Throttle()],
        },
        HugepageLimits = [new LinuxHugepageLimit { PageSize = "2MB", Limit = 1 << 21 }],
        Network = new LinuxNetwork
        {
            ClassId = 1048577, Priorities = [new LinuxInterfacePriority { Name = "eth0", Priority = 500 }],
        },
        Rdma = new() { ["mlx5_1"] = new LinuxRdma { HcaHandles = 3, HcaObjects = 10000 } },
        Unified = new() { ["memory.high"] = "1073741824" },
    };

    private static LinuxThrottleDevice Throttle() => new() { Major = 8, Minor = 0, Rate = 600 };
}
