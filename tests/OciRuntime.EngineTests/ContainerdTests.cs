namespace OciRuntime.EngineTests;

/// <summary>
/// containerd runs tasks through its runc v2 shim, which parses the runtime's exit codes, `state` JSON and
/// `--log-format json` error lines. Each case runs with ociruntime and with runc.
/// </summary>
public sealed class ContainerdTests(ContainerdFixture containerd) : IClassFixture<ContainerdFixture>
{
    private const string Image = ContainerdFixture.Image;

    private ShellResult Ok(params string[] args)
    {
        var r = containerd.Ctr(args);
        r.ExitCode.ShouldBe(0, r.ToString());
        return r;
    }

    private static string NewId() => "e2e-" + Guid.NewGuid().ToString("N")[..10];

    private string TaskStatus(string id) =>
        Ok("tasks", "list").Stdout.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .FirstOrDefault(f => f.Length == 3 && f[0] == id)?[2] ?? "absent";

    private void Remove(string id)
    {
        containerd.Ctr("tasks", "kill", "--signal", "KILL", id);
        for (int i = 0; i < 50 && TaskStatus(id) == "RUNNING"; i++) Thread.Sleep(100);
        containerd.Ctr("tasks", "delete", id);
        containerd.Ctr("containers", "delete", id);
    }

    [ContainerdTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void Run_prints_the_output_and_returns_the_exit_code(string runtime)
    {
        var r = containerd.Ctr("run", "--rm", "--runc-binary", Runtimes.PathOf(runtime), Image, NewId(), "sh", "-c", "echo hi; exit 3");
        r.ExitCode.ShouldBe(3, r.ToString());
        r.Stdout.ShouldBe("hi\n");
    }

    [ContainerdTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void Detached_task_execs_lists_its_processes_and_is_killed_and_deleted(string runtime)
    {
        string id = NewId();
        Ok("run", "--detach", "--runc-binary", Runtimes.PathOf(runtime), Image, id, "sleep", "1000");
        try
        {
            TaskStatus(id).ShouldBe("RUNNING");
            Ok("tasks", "exec", "--exec-id", "probe", id, "sh", "-c", "echo in-exec; cat /proc/1/cmdline").Stdout.ShouldBe("in-exec\nsleep\01000\0");
            string pid = Ok("tasks", "list").Stdout.Split('\n').Single(l => l.StartsWith(id + " ")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            Ok("tasks", "ps", id).Stdout.ShouldContain(pid);

            Ok("tasks", "kill", "--signal", "KILL", id);
            for (int i = 0; i < 50 && TaskStatus(id) == "RUNNING"; i++) Thread.Sleep(100);
            TaskStatus(id).ShouldBe("STOPPED");
            Ok("tasks", "delete", id);
            Ok("containers", "delete", id);
            TaskStatus(id).ShouldBe("absent");
            Directory.Exists($"/proc/{pid}").ShouldBeFalse();
            TempMounts.CgroupDirsNamed(id).ShouldBeEmpty();
        }
        finally
        {
            Remove(id);
        }
    }

    [ContainerdTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void Pause_and_resume(string runtime)
    {
        string id = NewId();
        Ok("run", "--detach", "--runc-binary", Runtimes.PathOf(runtime), Image, id, "sleep", "1000");
        try
        {
            Ok("tasks", "pause", id);
            TaskStatus(id).ShouldBe("PAUSED");
            Ok("tasks", "resume", id);
            TaskStatus(id).ShouldBe("RUNNING");
        }
        finally
        {
            Remove(id);
        }
    }

    [ContainerdTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void Memory_limit_lands_in_the_tasks_cgroup(string runtime)
    {
        string id = NewId();
        Ok("run", "--detach", "--memory-limit", "67108864", "--runc-binary", Runtimes.PathOf(runtime), Image, id, "sleep", "1000");
        try
        {
            string pid = Ok("tasks", "list").Stdout.Split('\n').Single(l => l.StartsWith(id + " ")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            string limit = MemoryLimitFile(int.Parse(pid));
            File.ReadAllText(limit).Trim().ShouldBe("67108864");
        }
        finally
        {
            Remove(id);
        }
    }

    [ContainerdTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void A_config_error_reaches_ctr(string runtime)
    {
        var r = containerd.Ctr("run", "--rm", "--cwd", "relative", "--runc-binary", Runtimes.PathOf(runtime), Image, NewId(), "true");
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("cwd", Case.Insensitive);
        // The shim reads the runtime's last JSON log line; ours names the field.
        if (runtime == "ociruntime") r.Stderr.ShouldContain("/process/cwd");
    }

    /// <summary>The memory limit file of a process's cgroup, on v1 (hybrid) or v2.</summary>
    private static string MemoryLimitFile(int pid)
    {
        foreach (string line in File.ReadAllLines($"/proc/{pid}/cgroup"))
        {
            string[] parts = line.Split(':', 3);
            if (parts[1].Split(',').Contains("memory")) return $"/sys/fs/cgroup/memory{parts[2]}/memory.limit_in_bytes";
            if (parts[0] == "0" && File.Exists($"/sys/fs/cgroup{parts[2]}/memory.max")) return $"/sys/fs/cgroup{parts[2]}/memory.max";
        }
        throw new InvalidOperationException($"no memory cgroup for {pid}");
    }
}
