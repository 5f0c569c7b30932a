using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

public sealed class CgroupTests : ContainerTest
{
    [RootFact]
    public void Init_is_in_its_cgroup_with_the_limits_applied_before_start()
    {
        var bundle = NewBundle("sleep", "1000").Edit(c => c["linux"]!["resources"] = new JsonObject
        {
            ["memory"] = new JsonObject { ["limit"] = 64L * 1024 * 1024 },
            ["pids"] = new JsonObject { ["limit"] = 50 },
        });
        string id = CreateSleeper(bundle);
        int pid = Pid(id);

        string memory = HostView.CgroupDir(pid, "memory")!;
        Path.GetFileName(memory).ShouldBe(id);
        HostView.MemoryLimit(pid).ShouldBe((64L * 1024 * 1024).ToString());
        string pids = HostView.CgroupDir(pid, "pids")!;
        File.ReadAllText(Path.Combine(pids, "pids.max")).Trim().ShouldBe("50");
        File.ReadAllText(Path.Combine(pids, "cgroup.procs")).ShouldContain(pid.ToString());
    }

    [RootFact]
    public void An_absolute_cgroups_path_is_used_as_is()
    {
        string path = $"/ocirt-test-{Guid.NewGuid():N}"[..24];
        var bundle = NewBundle("sleep", "1000").Edit(c => c["linux"]!["cgroupsPath"] = path);
        string id = CreateSleeper(bundle);
        string hierarchy = HostView.CgroupMount("pids")!;
        HostView.CgroupDir(Pid(id), "pids").ShouldBe(hierarchy + path);
        Ok("delete", "--force", id);
        Directory.Exists(hierarchy + path).ShouldBeFalse();
    }

    [RootFact]
    public void The_pids_limit_stops_a_fork_bomb()
    {
        // busybox sh gives up at the first fork the kernel refuses; without the limit all 40 forks succeed.
        const string script = "i=0; while [ $i -lt 40 ]; do sleep 30 & i=$((i+1)); done; kill $(jobs -p); echo all-forked";
        var limited = NewBundle().Shell(script)
            .Edit(c => c["linux"]!["resources"] = new JsonObject { ["pids"] = new JsonObject { ["limit"] = 20 } });
        var r = Runtime.Run("run", "-b", limited.Write(), NewId());
        r.ExitCode.ShouldNotBe(0, r.ToString());
        r.Stderr.ShouldContain("can't fork");

        var unlimited = NewBundle().Shell(script);
        var control = Runtime.Run("run", "-b", unlimited.Write(), NewId());
        control.ExitCode.ShouldBe(0, control.ToString());
        control.Stdout.ShouldBe("all-forked\n");
    }

    [RootFact]
    public void A_memory_hog_is_oom_killed_under_a_10_mb_limit_without_swap()
    {
        // dd touches its whole 32 MB block buffer; OCI swap is memory+swap, so swap == limit means no swap at all.
        const string hog = "dd if=/dev/zero of=/dev/null bs=32M count=1 2>/dev/null && echo survived";
        const long limit = 10 << 20;
        var limited = NewBundle().Shell(hog).Edit(c => c["linux"]!["resources"] = new JsonObject
        {
            ["memory"] = new JsonObject { ["limit"] = limit, ["swap"] = limit },
        });
        var r = Runtime.Run("run", "-b", limited.Write(), NewId());
        r.ExitCode.ShouldBe(137, r.ToString());   // SIGKILL from the OOM killer reaches the shell's child, then sh
        r.Stdout.ShouldNotContain("survived");

        Ok("run", "-b", NewBundle().Shell(hog).Write(), NewId()).Stdout.ShouldBe("survived\n");
    }

    [RootFact]
    public void The_container_sees_its_own_cgroup_as_the_root()
    {
        var bundle = NewBundle().Shell("cat /proc/self/cgroup; ls /sys/fs/cgroup");
        var r = Ok("run", "-b", bundle.Write(), NewId());
        if (HostView.IsUnified("memory"))
        {
            r.Stdout.ShouldStartWith("0::/\n");
            r.Stdout.ShouldContain("memory.max");
        }
        else
        {
            r.Stdout.ShouldContain("memory:/\n");
            r.Stdout.ShouldContain("pids");
        }
    }
}
