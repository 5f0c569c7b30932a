using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

public sealed class ExecTests : ContainerTest
{
    private string RunningSleeper()
    {
        string id = CreateSleeper();
        Ok("start", id);
        return id;
    }

    [RootFact]
    public void Exec_runs_in_the_containers_namespaces_and_returns_its_exit_code()
    {
        string id = RunningSleeper();
        var r = Runtime.Run("exec", id, "sh", "-c", "hostname; cat /proc/1/comm; exit 3");
        r.ExitCode.ShouldBe(3, r.ToString());
        r.Stdout.ShouldBe("ociruntime-demo\nsleep\n");
    }

    [RootFact]
    public void A_detached_exec_joins_every_namespace_and_the_cgroup_of_init()
    {
        string id = RunningSleeper();
        int init = Pid(id);
        string pidFile = Path.Combine(StateRoot, "exec.pid");
        Ok("exec", "--detach", "--pid-file", pidFile, id, "sleep", "1000");
        int pid = int.Parse(File.ReadAllText(pidFile));

        foreach (string ns in new[] { "pid", "net", "ipc", "uts", "mnt", "cgroup", "user", "time" })
            HostView.Namespace(pid, ns).ShouldBe(HostView.Namespace(init, ns), ns);
        HostView.CgroupDir(pid, "pids").ShouldBe(HostView.CgroupDir(init, "pids"));
        HostView.CgroupDir(pid, "memory").ShouldBe(HostView.CgroupDir(init, "memory"));
        File.ReadAllText($"/proc/{pid}/status").ShouldContain("NSpid:\t" + pid + "\t");
    }

    [RootFact]
    public void Flags_override_env_cwd_and_user_and_no_descriptor_leaks()
    {
        string id = RunningSleeper();
        var r = Runtime.Run("exec", "--env", "GREETING=hi", "-e", "OTHER=x", "--cwd", "/tmp", "--user", "1000:1001", id,
            "sh", "-c", "echo $GREETING $OTHER; pwd; id -u; id -g; ls /proc/self/fd");
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldBe("hi x\n/tmp\n1000\n1001\n0\n1\n2\n3\n");
    }

    [RootFact]
    public void Process_file_replaces_the_whole_process()
    {
        string id = RunningSleeper();
        string file = Path.Combine(StateRoot, "process.json");
        File.WriteAllText(file, new JsonObject
        {
            ["args"] = new JsonArray("sh", "-c", "echo $ONLY; id -u"),
            ["env"] = new JsonArray("ONLY=from-file", "PATH=/bin"),
            ["cwd"] = "/",
            ["user"] = new JsonObject { ["uid"] = 42, ["gid"] = 42 },
        }.ToJsonString());
        Ok("exec", "--process", file, id).Stdout.ShouldBe("from-file\n42\n");
    }

    [RootFact]
    public void Exec_is_refused_in_created_and_stopped_containers()
    {
        string id = CreateSleeper();
        Runtime.Run("exec", id, "true").Stderr.ShouldContain("not been started");
        Ok("start", id);
        Ok("kill", id, "KILL");
        Eventually(() => State(id)["status"]!.ToString() == "stopped", "the container to stop");
        Runtime.Run("exec", id, "true").Stderr.ShouldContain("stopped container");
    }

    [RootFact]
    public void A_paused_container_refuses_exec_even_when_told_to_ignore_it()
    {
        string id = RunningSleeper();
        Ok("pause", id);
        Runtime.Run("exec", id, "true").Stderr.ShouldContain("paused");
        // Its setup would join the frozen cgroup and hang; a clear refusal beats that.
        Runtime.Run("exec", "--ignore-paused", id, "true").Stderr.ShouldContain("resume it first");
        Ok("resume", id);
    }

    [RootFact]
    public void A_missing_executable_is_reported_and_nothing_is_left_running()
    {
        string id = RunningSleeper();
        string pids = HostView.CgroupDir(Pid(id), "pids")!;
        var r = Runtime.Run("exec", id, "/no/such/program");
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("/process/args/0");
        Eventually(() => File.ReadAllLines(Path.Combine(pids, "cgroup.procs")).Length == 1, "only init left in the cgroup");
    }
}
