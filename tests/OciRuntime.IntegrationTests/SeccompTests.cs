using System.Text.Json.Nodes;
using static OciRuntime.IntegrationTests.SeccompProfiles;

namespace OciRuntime.IntegrationTests;

/// <summary>linux.seccomp on real containers: the filter is seen from inside, and syscalls meet the configured fate.</summary>
public sealed class SeccompTests : ContainerTest
{
    private const int SigsysExit = 128 + 31;

    private Bundle WithSeccomp(JsonObject profile, params string[] args) =>
        NewBundle(args).Edit(c => c["linux"]!["seccomp"] = profile);

    private static JsonObject AllowAllBut(params JsonObject[] rules) =>
        new() { ["defaultAction"] = "SCMP_ACT_ALLOW", ["syscalls"] = new JsonArray(rules) };

    private static JsonObject Errno(int? errnoRet, params string[] names)
    {
        var rule = Rule("SCMP_ACT_ERRNO", names);
        if (errnoRet is not null) rule["errnoRet"] = errnoRet;
        return rule;
    }

    private CommandResult Run(Bundle bundle) => Runtime.Run("run", "-b", bundle.Write(), NewId());

    [RootFact]
    public void The_filter_shows_in_proc_status_and_a_denied_syscall_returns_the_configured_errno()
    {
        var bundle = WithSeccomp(AllowAllBut(Errno(38, "mkdir", "mkdirat")),
            "sh", "-c", "grep Seccomp /proc/self/status; mkdir /tmp/denied; echo rc=$?; test -d /tmp/denied || echo absent");
        var r = Run(bundle);
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldBe("Seccomp:\t2\nSeccomp_filters:\t1\nrc=1\nabsent\n");
        r.Stderr.ShouldContain("mkdir: can't create directory '/tmp/denied': Function not implemented");
    }

    [RootFact]
    public void A_compiled_profile_is_cached_under_the_state_root_and_a_damaged_entry_is_rebuilt()
    {
        string cache = Path.Combine(StateRoot, ".cache", "seccomp");
        const string probe = "mkdir /tmp/denied 2>&1; echo rc=$?";
        var first = Run(WithSeccomp(AllowAllBut(Errno(38, "mkdir", "mkdirat")), "sh", "-c", probe));
        first.Stdout.ShouldContain("Function not implemented");
        string entry = Directory.GetFiles(cache).ShouldHaveSingleItem();

        // A hit behaves exactly like the compile; a different profile gets an entry of its own.
        Run(WithSeccomp(AllowAllBut(Errno(38, "mkdir", "mkdirat")), "sh", "-c", probe)).Stdout.ShouldBe(first.Stdout);
        Run(WithSeccomp(AllowAllBut(Errno(null, "mkdir", "mkdirat")), "sh", "-c", probe)).Stdout.ShouldContain("Operation not permitted");
        Directory.GetFiles(cache).Length.ShouldBe(2);

        File.WriteAllBytes(entry, [1, 2, 3]);
        Run(WithSeccomp(AllowAllBut(Errno(38, "mkdir", "mkdirat")), "sh", "-c", probe)).Stdout.ShouldBe(first.Stdout);
        new FileInfo(entry).Length.ShouldBeGreaterThan(3);
        Ok("list", "-q").Stdout.ShouldBeEmpty();
    }

    [RootFact]
    public void Errno_without_errnoRet_is_EPERM()
    {
        var r = Run(WithSeccomp(AllowAllBut(Errno(null, "mkdir", "mkdirat")), "mkdir", "/tmp/denied"));
        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("Operation not permitted");
    }

    [RootTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_default_like_profile_lets_busybox_run_with_and_without_no_new_privileges(bool noNewPrivileges)
    {
        var bundle = WithSeccomp(DefaultLike(), "sh", "-c", "grep Seccomp: /proc/self/status; ls / >/dev/null && mkdir /tmp/ok && echo made")
            .Edit(c => c["process"]!["noNewPrivileges"] = noNewPrivileges);
        var r = Run(bundle);
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldBe("Seccomp:\t2\nmade\n");
    }

    [RootTheory]
    [InlineData("SCMP_ACT_KILL_PROCESS")]
    [InlineData("SCMP_ACT_KILL_THREAD")]
    [InlineData("SCMP_ACT_KILL")]
    [InlineData("SCMP_ACT_TRAP")]
    public void Killing_and_trapping_actions_end_the_process_with_SIGSYS(string action)
    {
        var r = Run(WithSeccomp(AllowAllBut(Rule(action, "mkdir", "mkdirat")), "mkdir", "/tmp/never"));
        r.ExitCode.ShouldBe(SigsysExit, r.ToString());
    }

    [RootFact]
    public void Conditions_on_the_same_argument_each_match_on_their_own()
    {
        // kill(pid, sig): refused for SIGUSR1 (10) or SIGUSR2 (12) only; signal 0 still probes.
        var rule = Conditional("kill", "SCMP_ACT_ERRNO", (1, 10, "SCMP_CMP_EQ"), (1, 12, "SCMP_CMP_EQ"));
        var bundle = WithSeccomp(AllowAllBut(rule), "sh", "-c",
            "trap '' USR1 USR2 HUP; kill -0 $$ && echo zero; kill -USR1 $$ || echo usr1; kill -USR2 $$ || echo usr2; kill -HUP $$ && echo hup");
        var r = Run(bundle);
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldBe("zero\nusr1\nusr2\nhup\n");
    }

    [RootFact]
    public void Conditions_on_different_arguments_must_all_hold()
    {
        // kill(pid, sig) refused only when pid > 0 and sig is SIGUSR1 (masked compare): kill to a group (pid 0) passes.
        var rule = Conditional("kill", "SCMP_ACT_ERRNO", (0, 0, "SCMP_CMP_GT"), (1, 10, "SCMP_CMP_EQ"));
        var r = Run(WithSeccomp(AllowAllBut(rule), "sh", "-c",
            "trap '' USR1; kill -USR1 $$ || echo self-denied; kill -USR1 0 && echo group-allowed"));
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldBe("self-denied\ngroup-allowed\n");
    }

    [RootFact]
    public void Syscalls_newer_than_the_profile_get_ENOSYS_and_known_ones_the_default_errno()
    {
        // busybox touch starts with utimensat (280), newer than everything this profile names.
        var profile = new JsonObject
        {
            ["defaultAction"] = "SCMP_ACT_ERRNO",
            ["syscalls"] = new JsonArray(Rule("SCMP_ACT_ALLOW", OlderThanUtimensat)),
        };
        var r = Run(WithSeccomp(profile, "touch", "/tmp/f").Edit(c => c["process"]!["noNewPrivileges"] = true));
        r.Stderr.ShouldContain("touch: /tmp/f: Function not implemented", Case.Sensitive, r.ToString());

        // Naming a newer syscall (pidfd_open, 434) makes utimensat one the profile knows of: the default EPERM.
        profile["syscalls"]!.AsArray().Add(Errno(null, "pidfd_open"));
        r = Run(WithSeccomp(profile.DeepClone().AsObject(), "touch", "/tmp/f").Edit(c => c["process"]!["noNewPrivileges"] = true));
        r.Stderr.ShouldContain("touch: /tmp/f: Operation not permitted", Case.Sensitive, r.ToString());
    }

    [RootFact]
    public void Flags_are_accepted()
    {
        var profile = AllowAllBut(Errno(null, "mkdir"));
        profile["flags"] = Names("SECCOMP_FILTER_FLAG_TSYNC", "SECCOMP_FILTER_FLAG_LOG", "SECCOMP_FILTER_FLAG_SPEC_ALLOW");
        var r = Run(WithSeccomp(profile, "grep", "Seccomp:", "/proc/self/status"));
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldBe("Seccomp:\t2\n");
    }

    [RootFact]
    public void An_exec_process_gets_the_containers_filter()
    {
        string id = CreateSleeper(WithSeccomp(AllowAllBut(Errno(38, "mkdir", "mkdirat")), "sleep", "1000"));
        Ok("start", id);
        var r = Runtime.Run("exec", id, "sh", "-c", "grep Seccomp: /proc/self/status; mkdir /tmp/e");
        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBe("Seccomp:\t2\n");
        r.Stderr.ShouldContain("Function not implemented");
    }

    [RootTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Notify_hands_the_listener_and_state_to_the_agent_which_answers_the_syscalls(bool waitKillable)
    {
        using var agent = new SeccompAgent(StateRoot, errno: 30 /* EROFS */);
        var profile = AllowAllBut(Rule("SCMP_ACT_NOTIFY", "mkdir", "mkdirat"));
        profile["listenerPath"] = agent.Path;
        profile["listenerMetadata"] = "from-the-test";
        if (waitKillable) profile["flags"] = Names("SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV", "SECCOMP_FILTER_FLAG_TSYNC");
        var bundle = WithSeccomp(profile, "sh", "-c", "mkdir /tmp/n; echo rc=$?");
        string id = NewId();
        var r = Runtime.Run("run", "-b", bundle.Write(), id);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldBe("rc=1\n");
        r.Stderr.ShouldContain("Read-only file system");
        agent.WaitForStates(1).ShouldBeTrue();
        var state = agent.States[0];
        state["fds"]!.AsArray().Single()!.ToString().ShouldBe("seccompFd");
        state["metadata"]!.ToString().ShouldBe("from-the-test");
        state["state"]!["id"]!.ToString().ShouldBe(id);
        state["state"]!["status"]!.ToString().ShouldBe("creating");
        ((int)state["pid"]!).ShouldBe((int)state["state"]!["pid"]!);
        lock (agent.Syscalls) agent.Syscalls.ShouldContain(83 /* mkdir on x86_64 */);
    }

    [RootFact]
    public void An_exec_process_hands_its_own_listener_to_the_agent()
    {
        using var agent = new SeccompAgent(StateRoot, errno: 30 /* EROFS */);
        var profile = AllowAllBut(Rule("SCMP_ACT_NOTIFY", "mkdir", "mkdirat"));
        profile["listenerPath"] = agent.Path;
        string id = CreateSleeper(WithSeccomp(profile, "sleep", "1000"));
        Ok("start", id);
        var r = Runtime.Run("exec", id, "mkdir", "/tmp/e");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("Read-only file system");
        agent.WaitForStates(2).ShouldBeTrue();
        var exec = agent.States[1];
        exec["state"]!["status"]!.ToString().ShouldBe("running");
        ((int)exec["state"]!["pid"]!).ShouldBe(Pid(id));
        ((int)exec["pid"]!).ShouldNotBe(Pid(id));
    }

    [RootFact]
    public void Trace_without_a_tracer_fails_the_syscall_with_ENOSYS_and_log_lets_it_run()
    {
        var r = Run(WithSeccomp(AllowAllBut(Rule("SCMP_ACT_TRACE", "mkdir", "mkdirat")), "mkdir", "/tmp/t"));
        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("Function not implemented");

        r = Run(WithSeccomp(AllowAllBut(Rule("SCMP_ACT_LOG", "mkdir", "mkdirat")), "sh", "-c", "mkdir /tmp/l && echo made"));
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldBe("made\n");
    }
}
