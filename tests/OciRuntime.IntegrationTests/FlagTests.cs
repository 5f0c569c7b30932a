using System.Diagnostics;

namespace OciRuntime.IntegrationTests;

public sealed class FlagTests : ContainerTest
{
    [RootFact]
    public void Preserve_fds_passes_extra_descriptors_to_the_container()
    {
        string file = Path.Combine(StateRoot, "passed.txt");
        var bundle = NewBundle().Shell("echo through-fd-3 >&3; ls /proc/self/fd");
        string id = NewId();
        // The shell opens fd 3 for the runtime, which hands it on to the container.
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"exec \"$0\" --root \"$1\" run --preserve-fds 1 -b \"$2\" \"$3\" 3>\"$4\"");
        foreach (string a in new[] { RuntimeBinary.Path, StateRoot, bundle.Write(), id, file }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, p.StandardError.ReadToEnd());
        File.ReadAllText(file).ShouldBe("through-fd-3\n");
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["0", "1", "2", "3", "4"]);
    }

    [RootFact]
    public void Socket_activation_descriptors_and_variables_reach_the_container()
    {
        string file = Path.Combine(StateRoot, "activation.txt");
        File.WriteAllText(file, "from-the-socket\n");
        var bundle = NewBundle().Shell("echo $LISTEN_FDS $LISTEN_PID; cat <&3");
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        // As systemd would: fd 3 open, LISTEN_FDS=1 and LISTEN_PID naming the runtime's own pid.
        psi.ArgumentList.Add("exec 3<\"$4\"; LISTEN_FDS=1; export LISTEN_FDS; exec env LISTEN_PID=$$ \"$0\" --root \"$1\" run -b \"$2\" \"$3\"");
        foreach (string a in new[] { RuntimeBinary.Path, StateRoot, bundle.Write(), NewId(), file }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, p.StandardError.ReadToEnd());
        stdout.ShouldBe("1 1\nfrom-the-socket\n");
    }

    [RootFact]
    public void Run_forwards_signals_beyond_the_usual_few()
    {
        var bundle = NewBundle().Shell("trap 'exit 14' ALRM; trap 'exit 12' USR2; while true; do sleep 0.1; done");
        foreach (var (signal, expected) in new[] { ("ALRM", 14), ("USR2", 12) })
        {
            string id = NewId();
            var psi = new ProcessStartInfo(RuntimeBinary.Path) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in new[] { "--root", StateRoot, "run", "-b", bundle.Write(), id }) psi.ArgumentList.Add(a);
            using var run = Process.Start(psi)!;
            Eventually(() => Runtime.Run("state", id).Stdout.Contains("\"running\""), "the container to run");
            Thread.Sleep(200);
            Process.Start("kill", [$"-{signal}", run.Id.ToString()])!.WaitForExit();
            run.WaitForExit(30_000).ShouldBeTrue();
            run.ExitCode.ShouldBe(expected, signal);
        }
    }

    [RootFact]
    public void Kill_all_signals_every_process_in_the_container()
    {
        var bundle = NewBundle().Shell("sleep 1000 & sleep 1000 & wait");
        string id = NewId();
        Ok("run", "--detach", "-b", bundle.Write(), id);
        int pid = Pid(id);
        string pids = HostView.CgroupDir(pid, "pids")!;
        Eventually(() => File.ReadAllLines(Path.Combine(pids, "cgroup.procs")).Length == 3, "three processes");
        Ok("kill", "--all", id, "KILL");
        Eventually(() => File.ReadAllLines(Path.Combine(pids, "cgroup.procs")).Length == 0, "every process to die");
    }

    [RootFact]
    public void Systemd_cgroup_driver_is_refused_clearly_and_leaves_nothing()
    {
        var bundle = NewBundle("true");
        string id = NewId();
        var r = RuntimeBinary.Exec(["--root", StateRoot, "--systemd-cgroup", "create", "-b", bundle.Write(), id]);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("--systemd-cgroup");
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
    }

    [RootFact]
    public void Concurrent_deletes_of_one_container_are_serialised()
    {
        string id = CreateSleeper();
        Ok("start", id);
        var results = Enumerable.Range(0, 4).AsParallel().Select(_ => Runtime.Run("delete", "--force", id)).ToList();
        results.ShouldAllBe(r => r.ExitCode == 0);
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
        HostView.CgroupDirsNamed(id).ShouldBeEmpty();
    }

    [RootFact]
    public void Unknown_flags_and_commands_are_usage_errors()
    {
        Runtime.Run("create", "--no-such-flag", "x").Stderr.ShouldContain("flag provided but not defined");
        Runtime.Run("frobnicate").Stderr.ShouldContain("no such command");
        Runtime.Run("start").Stderr.ShouldContain("requires exactly 1 argument");
    }
}
