namespace OciRuntime.Tests.Cgroups;

/// <summary>Real /proc/self/mountinfo and /proc/self/cgroup texts of the three host layouts.</summary>
internal static class CgroupFixtures
{
    /// <summary>A hybrid host (captured on the development VM): v1 controllers plus cgroup2 at /sys/fs/cgroup/unified.</summary>
    public const string HybridMountinfo = """
        21 26 0:20 / /proc rw,relatime - proc proc rw
        22 26 0:21 / /sys rw,relatime - sysfs sysfs rw
        23 26 0:6 / /dev rw,relatime - devtmpfs devtmpfs rw,size=12334448k,nr_inodes=3083612,mode=755
        24 23 0:22 / /dev/shm rw,relatime - tmpfs tmpfs rw,size=24683620k
        25 23 0:23 / /dev/pts rw,relatime - devpts devpts rw,mode=600,ptmxmode=000
        26 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard,resv_strict,resuid=65534,resgid=65534
        27 26 0:24 / /mnt/sandboxing/model_tools_env/v1/python ro,nosuid,nodev,relatime - tmpfs model_tools_unavailable ro,size=4k,mode=755
        28 25 0:25 / /dev/pts rw,relatime - devpts devpts rw,mode=600,ptmxmode=000
        29 24 0:26 / /dev/shm rw,relatime - tmpfs tmpfs rw,size=24683620k
        30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
        31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
        32 30 0:29 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
        33 30 0:30 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
        34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
        35 30 0:32 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices
        36 30 0:33 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
        37 30 0:34 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio
        38 30 0:35 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
        39 30 0:36 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
        40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw

        """;

    public const string HybridCgroup = """
        9:name=systemd:/
        8:pids:/
        7:blkio:/
        6:freezer:/
        5:devices:/
        4:memory:/process_api/0f5b03fe18fb54b99acfc2d481b5ecf9
        3:cpuset:/
        2:cpuacct:/
        1:cpu:/
        0::/

        """;

    /// <summary>A systemd host on pure cgroup v2 (Fedora/Ubuntu 22.04+ style).</summary>
    public const string V2Mountinfo = """
        22 1 253:0 / / rw,relatime shared:1 - ext4 /dev/mapper/root rw
        23 22 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:2 - sysfs sysfs rw
        24 22 0:22 / /proc rw,nosuid,nodev,noexec,relatime shared:13 - proc proc rw
        25 23 0:23 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
        26 23 0:24 / /sys/fs/bpf rw,nosuid,nodev,noexec,relatime shared:5 - bpf bpf rw,mode=700
        90 22 0:45 / /media/usb\040stick rw,relatime shared:40 - vfat /dev/sdb1 rw

        """;

    public const string V2Cgroup = "0::/user.slice/user-1000.slice/session-3.scope\n";

    /// <summary>
    /// A CentOS 7 style pure v1 host seen from inside a Docker container without a cgroup namespace:
    /// cpu,cpuacct co-mounted, mount roots are the container's cgroup, no cgroup2 mount, and a mount
    /// point with an escaped space.
    /// </summary>
    public const string V1Mountinfo = """
        480 404 0:88 / / rw,relatime master:198 - overlay overlay rw,lowerdir=/var/lib/docker/l1,upperdir=/var/lib/docker/u,workdir=/var/lib/docker/w
        483 480 0:91 / /sys ro,nosuid,nodev,noexec,relatime - sysfs sysfs ro
        484 483 0:92 / /sys/fs/cgroup ro,nosuid,nodev,noexec,relatime - tmpfs tmpfs rw,mode=755
        485 484 0:25 /docker/c0ffee /sys/fs/cgroup/systemd ro,nosuid,nodev,noexec,relatime master:9 - cgroup cgroup rw,xattr,release_agent=/usr/lib/systemd/systemd-cgroups-agent,name=systemd
        486 484 0:28 /docker/c0ffee /sys/fs/cgroup/cpu,cpuacct ro,nosuid,nodev,noexec,relatime master:12 - cgroup cgroup rw,cpu,cpuacct
        487 484 0:29 /docker/c0ffee /sys/fs/cgroup/memory ro,nosuid,nodev,noexec,relatime master:13 - cgroup cgroup rw,memory
        488 484 0:30 /docker/c0ffee /sys/fs/cgroup/net_cls,net_prio ro,nosuid,nodev,noexec,relatime master:14 - cgroup cgroup rw,net_cls,net_prio
        489 484 0:31 /docker/c0ffee /sys/fs/cgroup/cpuset ro,nosuid,nodev,noexec,relatime master:15 - cgroup cgroup rw,cpuset
        490 484 0:32 /docker/c0ffee /sys/fs/cgroup/my\040freezer ro,nosuid,nodev,noexec,relatime master:16 - cgroup cgroup rw,freezer

        """;

    public const string V1Cgroup = """
        11:freezer:/docker/c0ffee
        10:cpuset:/docker/c0ffee
        9:net_cls,net_prio:/docker/c0ffee
        8:memory:/docker/c0ffee
        4:cpu,cpuacct:/docker/c0ffee
        1:name=systemd:/docker/c0ffee

        """;
}
