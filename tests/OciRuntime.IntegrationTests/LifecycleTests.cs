namespace OciRuntime.IntegrationTests;

public sealed class LifecycleTests : ContainerTest
{
    [RootFact]
    public void Create_leaves_init_waiting_and_start_runs_the_process_as_the_same_pid()
    {
        string id = CreateSleeper();
        var state = State(id);
        state["status"]!.ToString().ShouldBe("created");
        state["owner"]!.ToString().ShouldBe("root");
        int pid = (int)state["pid"]!;
        HostView.Comm(pid).ShouldBe("ocirt:[2:INIT]");
        File.Exists(Path.Combine(StateRoot, id, "exec.fifo")).ShouldBeTrue();

        Ok("start", id);

        State(id)["status"]!.ToString().ShouldBe("running");
        Pid(id).ShouldBe(pid);
        HostView.Comm(pid).ShouldBe("sleep");
        File.Exists(Path.Combine(StateRoot, id, "exec.fifo")).ShouldBeFalse();
    }

    [RootFact]
    public void Kill_then_delete_removes_process_state_and_cgroups()
    {
        string id = CreateSleeper();
        Ok("start", id);
        int pid = Pid(id);
        HostView.CgroupDirsNamed(id).ShouldNotBeEmpty();

        Ok("kill", id, "KILL");
        Eventually(() => State(id)["status"]!.ToString() == "stopped", "the container to stop");
        State(id)["pid"]!.GetValue<int>().ShouldBe(0);
        Ok("delete", id);

        HostView.Alive(pid).ShouldBeFalse();
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
        HostView.CgroupDirsNamed(id).ShouldBeEmpty();
    }

    [RootFact]
    public void Kill_defaults_to_sigterm_and_accepts_names_and_numbers()
    {
        var bundle = NewBundle().Shell("trap 'echo term > /tmp/got; exit 3' TERM; trap 'exit 4' USR1; while true; do sleep 0.1; done");
        string id = CreateSleeper(bundle);
        Ok("start", id);
        Ok("kill", id);
        Eventually(() => State(id)["status"]!.ToString() == "stopped", "SIGTERM to stop the container");

        string id2 = CreateSleeper(bundle);
        Ok("start", id2);
        Ok("kill", id2, "10");
        Eventually(() => State(id2)["status"]!.ToString() == "stopped", "signal 10 (USR1) to stop the container");

        Runtime.Run("kill", id2, "NOTASIGNAL").ExitCode.ShouldNotBe(0);
    }

    [RootFact]
    public void Delete_refuses_a_running_container_unless_forced()
    {
        string id = CreateSleeper();
        Ok("start", id);
        int pid = Pid(id);

        var refused = Runtime.Run("delete", id);
        refused.ExitCode.ShouldNotBe(0);
        refused.Stderr.ShouldContain("not stopped");
        HostView.Alive(pid).ShouldBeTrue();

        Ok("delete", "--force", id);
        HostView.Alive(pid).ShouldBeFalse();
        HostView.CgroupDirsNamed(id).ShouldBeEmpty();
    }

    [RootFact]
    public void Delete_of_a_created_container_kills_its_init()
    {
        string id = CreateSleeper();
        int pid = Pid(id);
        Ok("delete", id);
        HostView.Alive(pid).ShouldBeFalse();
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
    }

    [RootFact]
    public void Start_twice_is_refused()
    {
        string id = CreateSleeper();
        Ok("start", id);
        var again = Runtime.Run("start", id);
        again.ExitCode.ShouldNotBe(0);
        again.Stderr.ShouldContain("already running");
    }

    [RootFact]
    public void Run_prints_output_and_exits_with_the_container_status_leaving_nothing()
    {
        var bundle = NewBundle().Shell("echo out; echo err >&2; exit 7");
        string id = NewId();
        var r = Runtime.Run("run", "--bundle", bundle.Write(), id);
        r.ExitCode.ShouldBe(7, r.ToString());
        r.Stdout.ShouldBe("out\n");
        r.Stderr.ShouldBe("err\n");
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
        HostView.CgroupDirsNamed(id).ShouldBeEmpty();
    }

    [RootFact]
    public void Run_reports_death_by_signal_as_128_plus_signal()
    {
        // The container's PID 1 can't be SIGKILLed from inside its own namespace; the host can.
        var bundle = NewBundle("sleep", "1000");
        string id = NewId();
        var run = Task.Run(() => Runtime.Run("run", "-b", bundle.Write(), id));
        Eventually(() => Runtime.Run("state", id).Stdout.Contains("\"running\""), "the container to run");
        Ok("kill", id, "KILL");
        run.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue();
        run.Result.ExitCode.ShouldBe(137, run.Result.ToString());
    }

    [RootFact]
    public void Run_forwards_sigterm_to_the_container()
    {
        var bundle = NewBundle().Shell("trap 'exit 42' TERM; while true; do sleep 0.1; done");
        string id = NewId();
        var psi = new System.Diagnostics.ProcessStartInfo(RuntimeBinary.Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "--root", StateRoot, "run", "-b", bundle.Write(), id }) psi.ArgumentList.Add(a);
        using var run = System.Diagnostics.Process.Start(psi)!;
        Eventually(() => Runtime.Run("state", id).Stdout.Contains("\"running\""), "the container to run");
        Thread.Sleep(200);
        System.Diagnostics.Process.Start("kill", ["-TERM", run.Id.ToString()])!.WaitForExit();
        run.WaitForExit(30_000).ShouldBeTrue();
        run.ExitCode.ShouldBe(42);
    }

    [RootFact]
    public void Run_detach_returns_while_the_container_runs()
    {
        var bundle = NewBundle("sleep", "1000");
        string id = NewId();
        Ok("run", "--detach", "--bundle", bundle.Write(), id);
        State(id)["status"]!.ToString().ShouldBe("running");
    }

    [RootFact]
    public void Run_passes_stdin_through()
    {
        var bundle = NewBundle("cat");
        var r = RuntimeBinary.Exec(["--root", StateRoot, "run", "-b", bundle.Write(), NewId()], stdin: "piped text\n");
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldBe("piped text\n");
    }

    [RootFact]
    public void Pid_file_holds_the_init_pid()
    {
        var bundle = NewBundle("sleep", "1000");
        string id = NewId();
        string pidFile = Path.Combine(bundle.Dir, "init.pid");
        Ok("create", "--pid-file", pidFile, "-b", bundle.Write(), id);
        int.Parse(File.ReadAllText(pidFile)).ShouldBe(Pid(id));
    }

    [RootFact]
    public void Duplicate_id_is_refused_and_the_first_container_is_untouched()
    {
        string id = CreateSleeper();
        int pid = Pid(id);
        var bundle = NewBundle("sleep", "1000");
        var r = Runtime.Run("create", "-b", bundle.Write(), id);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("already exists");
        State(id)["status"]!.ToString().ShouldBe("created");
        Pid(id).ShouldBe(pid);
    }

    [RootFact]
    public void A_reused_pid_is_not_mistaken_for_the_container()
    {
        string id = CreateSleeper();
        Ok("start", id);
        // Forge the recorded start time: the pid is alive but belongs (by start time) to someone else.
        string stateFile = Path.Combine(StateRoot, id, "state.json");
        string json = File.ReadAllText(stateFile);
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        node["initStartTime"] = 1;
        File.WriteAllText(stateFile, node.ToJsonString());
        State(id)["status"]!.ToString().ShouldBe("stopped");
        Runtime.Run("kill", id, "KILL").ExitCode.ShouldNotBe(0);
    }
}
