using System.Diagnostics;
using OciRuntime.Cgroups;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Cgroups;

/// <summary>Creates real cgroups on this host; needs root.</summary>
public class CgroupManagerKernelTests
{
    private const long TenMiB = 10 * 1024 * 1024;

    [RootCgroupFact]
    public void Limits_a_real_process_then_kills_it_and_removes_every_directory()
    {
        CgroupLayout layout = CgroupLayout.Detect();
        string name = TestCgroup.UniqueName();
        ICgroupManager manager = CgroupManagerFactory.Create(layout, "/" + name, name);
        var resources = new CgroupResources(MemoryLimit: TenMiB, PidsLimit: 50);
        using Process sleep = TestCgroup.Spawn("sleep", "30");
        try
        {
            manager.Create(resources);
            manager.Set(resources);

            string memory = TestCgroup.DirectoryOf(manager, "memory");
            TestCgroup.Read(memory, TestCgroup.IsV1(manager, "memory") ? "memory.limit_in_bytes" : "memory.max").ShouldBe("10485760");
            TestCgroup.Read(TestCgroup.DirectoryOf(manager, "pids"), "pids.max").ShouldBe("50");

            manager.Apply(sleep.Id);

            TestCgroup.CgroupsOf(sleep.Id).Values.ShouldAllBe(path => path == "/" + name);
            manager.GetPids().ShouldBe([sleep.Id]);

            manager.KillAll(9);
            sleep.WaitForExit(5000).ShouldBeTrue();

            manager.Destroy();
            manager.Exists().ShouldBeFalse();
            foreach (string directory in manager.Paths.Values) Directory.Exists(directory).ShouldBeFalse(directory);
        }
        finally
        {
            if (!sleep.HasExited) sleep.Kill();
            TestCgroup.DestroyQuietly(manager);
        }
    }

    [RootCgroupFact]
    public void Default_path_nests_under_the_runtime_cgroup_and_destroy_removes_created_parents()
    {
        CgroupLayout layout = CgroupLayout.Detect();
        string parent = TestCgroup.UniqueName();
        ICgroupManager manager = CgroupManagerFactory.Create(layout, $"/{parent}/inner/ctr", "ctr");
        ICgroupManager nested = CgroupManagerFactory.Create(layout, null, TestCgroup.UniqueName());
        try
        {
            manager.Create();
            nested.Create();

            foreach (V1Hierarchy hierarchy in layout.V1Hierarchies)
            {
                string own = CgroupPathResolver.OwnDirectory(hierarchy.MountPoint, hierarchy.MountRoot, hierarchy.OwnCgroup);
                Path.GetDirectoryName(nested.Paths[hierarchy.PathKeys[0]]).ShouldBe(own);
            }

            manager.Destroy();
            nested.Destroy();

            foreach (string directory in manager.Paths.Values)
            {
                Directory.Exists(directory).ShouldBeFalse();
                Directory.Exists(Path.GetDirectoryName(Path.GetDirectoryName(directory))).ShouldBeFalse("the parents Create made");
            }
            nested.Exists().ShouldBeFalse();
        }
        finally
        {
            TestCgroup.DestroyQuietly(manager);
            TestCgroup.DestroyQuietly(nested);
        }
    }

    [RootCgroupFact]
    public void Processes_in_child_cgroups_are_listed_killed_and_removed()
    {
        CgroupLayout layout = CgroupLayout.Detect();
        string name = TestCgroup.UniqueName();
        ICgroupManager manager = CgroupManagerFactory.Create(layout, "/" + name, name);
        using Process sleep = TestCgroup.Spawn("sleep", "30");
        try
        {
            manager.Create();
            string child = Path.Combine(TestCgroup.DirectoryOf(manager, "pids"), "child");
            Directory.CreateDirectory(child);
            File.WriteAllText(Path.Combine(child, "cgroup.procs"), sleep.Id.ToString());

            manager.GetPids().ShouldContain(sleep.Id);

            manager.Destroy();

            sleep.WaitForExit(5000).ShouldBeTrue();
            Directory.Exists(child).ShouldBeFalse();
            manager.Exists().ShouldBeFalse();
        }
        finally
        {
            if (!sleep.HasExited) sleep.Kill();
            TestCgroup.DestroyQuietly(manager);
        }
    }

    [RootCgroupFact]
    public void A_value_the_kernel_refuses_names_the_setting_file_and_errno()
    {
        CgroupLayout layout = CgroupLayout.Detect();
        string name = TestCgroup.UniqueName();
        ICgroupManager manager = CgroupManagerFactory.Create(layout, "/" + name, name);
        try
        {
            manager.Create(new CgroupResources(CpusetCpus: "0"));

            CgroupException error = Should.Throw<CgroupException>(() => manager.Set(new CgroupResources(CpusetCpus: "100000")));

            error.Pointer.ShouldBe("/linux/resources/cpu/cpus");
            string file = Path.Combine(TestCgroup.DirectoryOf(manager, "cpuset"), "cpuset.cpus");
            error.Message.ShouldStartWith($"/linux/resources/cpu/cpus: writing 100000 to {file}: ");
            error.Errno.ShouldNotBeNull();
        }
        finally
        {
            TestCgroup.DestroyQuietly(manager);
        }
    }

    [RootCgroupFact]
    public void Memory_and_swap_can_be_lowered_and_raised_in_either_order()
    {
        CgroupLayout layout = CgroupLayout.Detect();
        string name = TestCgroup.UniqueName();
        ICgroupManager manager = CgroupManagerFactory.Create(layout, "/" + name, name);
        var first = new CgroupResources(MemoryLimit: 4 * TenMiB, MemorySwap: 8 * TenMiB);
        try
        {
            manager.Create(first);
            manager.Set(first);
            manager.Set(new CgroupResources(MemoryLimit: TenMiB, MemorySwap: TenMiB));
            ReadMemory(manager).ShouldBe((TenMiB.ToString(), SwapText(manager, TenMiB, TenMiB)));

            manager.Set(new CgroupResources(MemoryLimit: 20 * TenMiB, MemorySwap: 40 * TenMiB));
            ReadMemory(manager).ShouldBe(((20 * TenMiB).ToString(), SwapText(manager, 20 * TenMiB, 40 * TenMiB)));

            manager.Set(new CgroupResources(MemoryLimit: -1));
            ReadMemory(manager).Limit.ShouldBeOneOf("max", "9223372036854771712");
        }
        finally
        {
            TestCgroup.DestroyQuietly(manager);
        }
    }

    [RootCgroupFact]
    public void Cpu_limits_are_written()
    {
        CgroupLayout layout = CgroupLayout.Detect();
        string name = TestCgroup.UniqueName();
        ICgroupManager manager = CgroupManagerFactory.Create(layout, "/" + name, name);
        var resources = new CgroupResources(CpuShares: 512, CpuQuota: 50000, CpuPeriod: 100000);
        try
        {
            manager.Create(resources);
            manager.Set(resources);

            string cpu = TestCgroup.DirectoryOf(manager, "cpu");
            if (TestCgroup.IsV1(manager, "cpu"))
            {
                TestCgroup.Read(cpu, "cpu.shares").ShouldBe("512");
                TestCgroup.Read(cpu, "cpu.cfs_quota_us").ShouldBe("50000");
                TestCgroup.Read(cpu, "cpu.cfs_period_us").ShouldBe("100000");
            }
            else
            {
                TestCgroup.Read(cpu, "cpu.weight").ShouldBe(CpuWeight.FromShares(512).ToString());
                TestCgroup.Read(cpu, "cpu.max").ShouldBe("50000 100000");
            }

            manager.Set(new CgroupResources(CpuQuota: 20000, CpuPeriod: 10000));
        }
        finally
        {
            TestCgroup.DestroyQuietly(manager);
        }
    }

    [RootCgroupFact]
    public void An_out_of_memory_kill_is_counted()
    {
        CgroupLayout layout = CgroupLayout.Detect();
        string name = TestCgroup.UniqueName();
        ICgroupManager manager = CgroupManagerFactory.Create(layout, "/" + name, name);
        var resources = new CgroupResources(MemoryLimit: TenMiB, MemorySwap: TenMiB);
        // tail keeps an endless line in memory, so it outgrows the limit once the shell starts it.
        using Process hog = TestCgroup.Spawn("sh", "-c", "sleep 0.3; head -c 200000000 /dev/zero | tail");
        try
        {
            manager.Create(resources);
            manager.Set(resources);
            manager.OomKillCount().ShouldBe(0);

            manager.Apply(hog.Id);
            hog.WaitForExit(10000).ShouldBeTrue();

            manager.OomKillCount().ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(1);
        }
        finally
        {
            if (!hog.HasExited) hog.Kill(entireProcessTree: true);
            TestCgroup.DestroyQuietly(manager);
        }
    }

    [RootCgroupFact]
    public void A_manager_rebuilt_from_saved_paths_destroys_the_cgroup()
    {
        CgroupLayout layout = CgroupLayout.Detect();
        string name = TestCgroup.UniqueName();
        ICgroupManager creator = CgroupManagerFactory.Create(layout, "/" + name, name);
        using Process sleep = TestCgroup.Spawn("sleep", "30");
        try
        {
            creator.Create();
            creator.Apply(sleep.Id);

            ICgroupManager deleter = CgroupManager.FromPaths(creator.Paths.ToDictionary(), CgroupLayout.Detect());
            deleter.GetPids().ShouldBe([sleep.Id]);
            deleter.Destroy();
            deleter.Destroy();

            sleep.WaitForExit(5000).ShouldBeTrue();
            creator.Exists().ShouldBeFalse();
        }
        finally
        {
            if (!sleep.HasExited) sleep.Kill();
            TestCgroup.DestroyQuietly(creator);
        }
    }

    private static (string Limit, string Swap) ReadMemory(ICgroupManager manager)
    {
        string memory = TestCgroup.DirectoryOf(manager, "memory");
        return TestCgroup.IsV1(manager, "memory")
            ? (TestCgroup.Read(memory, "memory.limit_in_bytes"), TestCgroup.Read(memory, "memory.memsw.limit_in_bytes"))
            : (TestCgroup.Read(memory, "memory.max"), TestCgroup.Read(memory, "memory.swap.max"));
    }

    private static string SwapText(ICgroupManager manager, long limit, long memoryPlusSwap) =>
        (TestCgroup.IsV1(manager, "memory") ? memoryPlusSwap : memoryPlusSwap - limit).ToString();
}
