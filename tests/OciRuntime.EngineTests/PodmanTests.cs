namespace OciRuntime.EngineTests;

/// <summary>
/// Podman drives the runtime unchanged (`--runtime PATH`), through conmon, as operators run it. Each case runs with
/// ociruntime and with runc.
/// </summary>
public sealed class PodmanTests(PodmanFixture podman) : IClassFixture<PodmanFixture>
{
    private const string Image = PodmanFixture.Image;

    private ShellResult Ok(string runtime, params string[] args)
    {
        var r = podman.Run(runtime, args);
        r.ExitCode.ShouldBe(0, r.ToString());
        return r;
    }

    private static string NewName() => "e2e-" + Guid.NewGuid().ToString("N")[..10];

    [PodmanTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void Run_prints_the_output_and_returns_the_exit_code(string runtime)
    {
        var r = podman.Run(runtime, "run", "--rm", Image, "sh", "-c", "echo out; echo err >&2; exit 7");
        r.ExitCode.ShouldBe(7, r.ToString());
        r.Stdout.ShouldBe("out\n");
        r.Stderr.ShouldContain("err");
    }

    [PodmanTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void Hostname_env_workdir_and_user_reach_the_process(string runtime)
    {
        var r = Ok(runtime, "run", "--rm", "--hostname", "e2e-host", "-e", "FOO=bar", "-w", "/tmp", "--user", "1000:1000",
            Image, "sh", "-c", "hostname; echo $FOO; pwd; id -u; id -g");
        r.Stdout.ShouldBe("e2e-host\nbar\n/tmp\n1000\n1000\n");
    }

    [PodmanTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void Read_only_root_keeps_tmp_writable(string runtime)
    {
        var r = Ok(runtime, "run", "--rm", "--read-only", Image, "sh", "-c",
            "touch /root-file 2>/dev/null && echo root-writable; echo x > /tmp/f && cat /tmp/f");
        r.Stdout.ShouldBe("x\n");
    }

    [PodmanTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void Memory_and_pids_limits_land_in_the_cgroup(string runtime)
    {
        var r = Ok(runtime, "run", "--rm", "--memory", "64m", "--pids-limit", "50", Image, "sh", "-c",
            "cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max; " +
            "cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids.max");
        r.Stdout.ShouldBe("67108864\n50\n");
    }

    [PodmanTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void Detached_container_execs_lists_stops_restarts_and_is_removed_without_a_trace(string runtime)
    {
        string name = NewName();
        string id = Ok(runtime, "run", "-d", "--name", name, Image, "sleep", "1000").Stdout.Trim();
        Ok(runtime, "exec", name, "sh", "-c", "echo in-exec; cat /proc/1/cmdline").Stdout.ShouldBe("in-exec\nsleep\01000\0");
        Ok(runtime, "ps", "--filter", $"name={name}", "--format", "{{.Status}}").Stdout.ShouldStartWith("Up");
        Ok(runtime, "top", name, "args").Stdout.ShouldContain("sleep 1000");

        Ok(runtime, "stop", "--time", "1", name);
        Ok(runtime, "inspect", "--format", "{{.State.Status}}", name).Stdout.Trim().ShouldBe("exited");
        Ok(runtime, "start", name);
        Ok(runtime, "inspect", "--format", "{{.State.Status}}", name).Stdout.Trim().ShouldBe("running");
        Ok(runtime, "kill", name);
        Ok(runtime, "rm", "--force", name);

        Ok(runtime, "ps", "--all", "--quiet", "--filter", $"name={name}").Stdout.ShouldBeEmpty();
        TempMounts.CgroupDirsNamed(id).ShouldBeEmpty();
    }

    [PodmanTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void Pause_freezes_every_process_and_unpause_thaws_them(string runtime)
    {
        string name = NewName();
        Ok(runtime, "run", "-d", "--name", name, Image, "sh", "-c", "i=0; while :; do i=$((i+1)); echo $i > /tmp/next; mv /tmp/next /tmp/count; done");
        try
        {
            string pid = Ok(runtime, "inspect", "--format", "{{.State.Pid}}", name).Stdout.Trim();
            // Renamed into place, so a read never sees a half-written count.
            string counter = $"/proc/{pid}/root/tmp/count";
            for (int i = 0; i < 100 && !File.Exists(counter); i++) Thread.Sleep(50);
            Ok(runtime, "pause", name);
            Ok(runtime, "inspect", "--format", "{{.State.Status}}", name).Stdout.Trim().ShouldBe("paused");
            string frozen = File.ReadAllText(counter);
            Thread.Sleep(300);
            File.ReadAllText(counter).ShouldBe(frozen);
            Ok(runtime, "unpause", name);
            Thread.Sleep(300);
            File.ReadAllText(counter).ShouldNotBe(frozen);
        }
        finally
        {
            podman.Run(runtime, "rm", "--force", "--time", "0", name);
        }
    }

    [PodmanTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void Tty_gives_the_process_a_terminal(string runtime)
    {
        // CI has no terminal: script(1) gives podman a pty of its own.
        string command = string.Join(' ', podman.Command(runtime).Select(Quote)) + $" run --rm -t {Image} sh -c 'tty; stty size'";
        var r = Shell.Run(["script", "-qec", command, "/dev/null"], env: new Dictionary<string, string>(podman.Environment));
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("/dev/pts/0");
    }

    [PodmanTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void Interactive_stdin_is_piped_to_the_process(string runtime)
    {
        var r = podman.RunWithInput(runtime, "line one\nline two\n", "run", "--rm", "-i", Image, "sh", "-c", "wc -l");
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.Trim().ShouldBe("2");
    }

    [PodmanTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void Bind_mounted_volume_is_shared_with_the_host(string runtime)
    {
        string volume = Directory.CreateDirectory(Path.Combine(podman.Dir, "vol-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        File.WriteAllText(Path.Combine(volume, "from-host"), "hello\n");
        Ok(runtime, "run", "--rm", "-v", $"{volume}:/vol", Image, "sh", "-c", "cat /vol/from-host > /vol/from-container")
            .ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(volume, "from-container")).ShouldBe("hello\n");
    }

    [PodmanTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void Cap_drop_removes_capabilities(string runtime)
    {
        const ulong netRaw = 1UL << 13;
        ulong Effective(params string[] flags) => Convert.ToUInt64(
            Ok(runtime, ["run", "--rm", .. flags, Image, "sh", "-c", "grep CapEff /proc/self/status"]).Stdout.Split('\t')[1].Trim(), 16);

        (Effective() & netRaw).ShouldBe(netRaw, "podman 4's default set has CAP_NET_RAW");
        (Effective("--cap-drop", "NET_RAW") & netRaw).ShouldBe(0UL);
        Effective("--cap-drop", "all").ShouldBe(0UL);
    }

    [PodmanTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void Default_seccomp_profile_is_in_force(string runtime)
    {
        var r = Ok(runtime, "run", "--rm", Image, "sh", "-c", "grep '^Seccomp:' /proc/self/status");
        r.Stdout.ShouldBe("Seccomp:\t2\n");
    }

    [PodmanTheory, MemberData(nameof(Runtimes.Both), MemberType = typeof(Runtimes))]
    public void Uidmap_runs_the_container_in_a_user_namespace(string runtime)
    {
        string volume = Directory.CreateDirectory(Path.Combine(podman.Dir, "uvol-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        Shell.Run(["chmod", "777", volume]);
        var r = Ok(runtime, "run", "--rm", "--uidmap", "0:100000:65536", "--gidmap", "0:100000:65536", "-v", $"{volume}:/vol",
            Image, "sh", "-c", "cat /proc/self/uid_map; id -u; touch /vol/made-by-root");
        r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ShouldBe(["0 100000 65536", "0"]);
        Shell.Run(["stat", "-c", "%u", Path.Combine(volume, "made-by-root")]).Stdout.Trim().ShouldBe("100000");
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
