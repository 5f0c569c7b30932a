using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

/// <summary>
/// The controllers beyond memory/pids/cpu/cpuset on real containers, read back from the host's cgroup files.
/// Written for this kind of hybrid host (v1 controllers, hugetlb on cgroup2); each test says what it needs.
/// </summary>
public sealed class ResourceControllerTests : ContainerTest
{
    private string SleeperWith(string section, JsonNode value) =>
        CreateSleeper(NewBundle("sleep", "1000").Edit(c => c["linux"]!["resources"]![section] = value));

    private static string ReadCgroupFile(int pid, string controller, string file) =>
        File.ReadAllText(Path.Combine(HostView.CgroupDir(pid, controller)!, file)).Trim();

    /// <summary>The container's directory on the cgroup2 hierarchy ("0::/path" in /proc/pid/cgroup).</summary>
    private static string UnifiedDir(int pid)
    {
        string path = File.ReadAllLines($"/proc/{pid}/cgroup").Single(l => l.StartsWith("0::", StringComparison.Ordinal))[3..];
        string mount = File.ReadAllLines("/proc/self/mountinfo").Select(l => l.Split(' '))
            .First(f => f[Array.IndexOf(f, "-") + 1] == "cgroup2")[4];
        return mount + path;
    }

    private void RefusedWithNothingLeft(string section, JsonNode value, params string[] expected)
    {
        string id = NewId();
        var r = Runtime.Run("run", "-b", NewBundle("true").Edit(c => c["linux"]!["resources"]![section] = value).Write(), id);
        r.ExitCode.ShouldNotBe(0, r.ToString());
        foreach (string text in expected) r.Stderr.ShouldContain(text);
        HostView.CgroupDirsNamed(id).ShouldBeEmpty();
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
    }

    [RootFact]
    public void Memory_reservation_swappiness_and_oom_killer_switch_reach_the_v1_files()
    {
        if (!Directory.Exists("/sys/fs/cgroup/memory")) return;
        int pid = Pid(SleeperWith("memory", new JsonObject
        {
            ["limit"] = 128L << 20, ["reservation"] = 32L << 20, ["swappiness"] = 10, ["disableOOMKiller"] = true,
            ["kernel"] = 64L << 20, ["kernelTCP"] = 16L << 20, // ignored, as runc does
        }));
        ReadCgroupFile(pid, "memory", "memory.soft_limit_in_bytes").ShouldBe((32L << 20).ToString());
        ReadCgroupFile(pid, "memory", "memory.swappiness").ShouldBe("10");
        ReadCgroupFile(pid, "memory", "memory.oom_control").ShouldContain("oom_kill_disable 1");
    }

    [RootFact]
    public void Cpu_burst_idle_and_realtime_reach_the_v1_files()
    {
        if (!File.Exists("/sys/fs/cgroup/cpu/cpu.rt_runtime_us")) return;
        int pid = Pid(SleeperWith("cpu", new JsonObject
        {
            ["quota"] = 50000, ["period"] = 100000, ["burst"] = 20000, ["idle"] = 1,
            ["realtimePeriod"] = 100000, ["realtimeRuntime"] = 10000,
        }));
        ReadCgroupFile(pid, "cpu", "cpu.cfs_burst_us").ShouldBe("20000");
        ReadCgroupFile(pid, "cpu", "cpu.idle").ShouldBe("1");
        ReadCgroupFile(pid, "cpu", "cpu.rt_period_us").ShouldBe("100000");
        ReadCgroupFile(pid, "cpu", "cpu.rt_runtime_us").ShouldBe("10000");
    }

    [RootFact]
    public void Block_io_throttles_reach_the_v1_files()
    {
        string? disk = Directory.Exists("/sys/block") ? Directory.GetDirectories("/sys/block").Select(d => Path.Combine(d, "dev"))
            .Where(File.Exists).Select(f => File.ReadAllText(f).Trim()).FirstOrDefault(d => !d.StartsWith("7:", StringComparison.Ordinal)) : null;
        if (disk is null || !Directory.Exists("/sys/fs/cgroup/blkio")) return;
        string[] majorMinor = disk.Split(':');
        JsonObject Device(long rate) => new() { ["major"] = long.Parse(majorMinor[0]), ["minor"] = long.Parse(majorMinor[1]), ["rate"] = rate };
        int pid = Pid(SleeperWith("blockIO", new JsonObject
        {
            ["throttleReadBpsDevice"] = new JsonArray(Device(1 << 20)),
            ["throttleWriteIOPSDevice"] = new JsonArray(Device(300)),
        }));
        ReadCgroupFile(pid, "blkio", "blkio.throttle.read_bps_device").ShouldBe($"{disk} {1 << 20}");
        ReadCgroupFile(pid, "blkio", "blkio.throttle.write_iops_device").ShouldBe($"{disk} 300");
    }

    [RootFact]
    public void Block_io_weight_reaches_blkio_weight_or_its_bfq_name_and_a_refused_one_leaves_nothing()
    {
        if (!Directory.Exists("/sys/fs/cgroup/blkio")) return;
        int pid = Pid(SleeperWith("blockIO", new JsonObject { ["weight"] = 500 }));
        string dir = HostView.CgroupDir(pid, "blkio")!;
        string file = File.Exists(Path.Combine(dir, "blkio.weight")) ? "blkio.weight" : "blkio.bfq.weight";
        File.ReadAllText(Path.Combine(dir, file)).Trim().ShouldBe("500");

        // The kernel takes weights of at most 1000.
        RefusedWithNothingLeft("blockIO", new JsonObject { ["weight"] = 5000 }, "/linux/resources/blockIO/weight", file);
    }

    [RootFact]
    public void Hugepage_limits_go_to_the_hierarchy_that_has_hugetlb()
    {
        if (!Directory.Exists("/sys/kernel/mm/hugepages/hugepages-2048kB")) return;
        int pid = Pid(SleeperWith("hugepageLimits", new JsonArray(new JsonObject { ["pageSize"] = "2MB", ["limit"] = 4L << 21 })));
        string file = Path.Combine(HostView.CgroupDir(pid, "hugetlb")!,
            HostView.IsUnified("hugetlb") ? "hugetlb.2MB.max" : "hugetlb.2MB.limit_in_bytes");
        File.ReadAllText(file).Trim().ShouldBe((4L << 21).ToString());
    }

    [RootFact]
    public void Unified_values_are_written_to_the_cgroup2_directory_for_controllers_it_has()
    {
        if (!File.Exists("/sys/fs/cgroup/unified/cgroup.controllers") ||
            !File.ReadAllText("/sys/fs/cgroup/unified/cgroup.controllers").Contains("hugetlb")) return;
        int pid = Pid(SleeperWith("unified", new JsonObject { ["hugetlb.2MB.max"] = "4194304" }));
        File.ReadAllText(Path.Combine(UnifiedDir(pid), "hugetlb.2MB.max")).Trim().ShouldBe("4194304");

        // memory lives on v1 here, so its cgroup2 files can't be set.
        RefusedWithNothingLeft("unified", new JsonObject { ["memory.high"] = "1000000" }, "/linux/resources/unified/memory.high", "memory");
    }

    [RootFact]
    public void Network_without_net_cls_names_the_field_and_controller_and_leaves_nothing()
    {
        if (File.ReadAllText("/proc/self/mountinfo").Contains("net_cls")) return;
        RefusedWithNothingLeft("network", new JsonObject { ["classID"] = 0x100001 }, "/linux/resources/network/classID", "net_cls");
    }

    [RootFact]
    public void Rdma_without_the_controller_names_the_field_and_leaves_nothing()
    {
        if (File.ReadAllText("/proc/cgroups").Contains("rdma")) return;
        RefusedWithNothingLeft("rdma", new JsonObject { ["mlx5_0"] = new JsonObject { ["hcaHandles"] = 3 } }, "/linux/resources/rdma", "rdma");
    }

    [RootFact]
    public void Update_sets_the_new_flags_runc_has()
    {
        if (!Directory.Exists("/sys/fs/cgroup/memory")) return;
        string id = CreateSleeper();
        Ok("start", id);
        int pid = Pid(id);
        Ok("update", "--memory-reservation", (16L << 20).ToString(), "--cpu-quota", "50000", "--cpu-period", "100000", "--cpu-burst", "10000", id);
        ReadCgroupFile(pid, "memory", "memory.soft_limit_in_bytes").ShouldBe((16L << 20).ToString());
        ReadCgroupFile(pid, "cpu", "cpu.cfs_burst_us").ShouldBe("10000");
    }
}
