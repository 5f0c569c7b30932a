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
        File.ReadAllText(Path.Combine(memory, "memory.limit_in_bytes")).Trim().ShouldBe((64L * 1024 * 1024).ToString());
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
        HostView.CgroupDir(Pid(id), "pids").ShouldBe("/sys/fs/cgroup/pids" + path);
        Ok("delete", "--force", id);
        Directory.Exists("/sys/fs/cgroup/pids" + path).ShouldBeFalse();
    }

    [RootFact]
    public void The_pids_limit_stops_a_fork_bomb()
    {
        var bundle = NewBundle().Shell("for i in $(seq 1 40); do sleep 100 & done; sleep 100 & echo forked $?; wait")
            .Edit(c => c["linux"]!["resources"] = new JsonObject { ["pids"] = new JsonObject { ["limit"] = 20 } });
        string id = NewId();
        Ok("run", "--detach", "-b", bundle.Write(), id);
        string pids = HostView.CgroupDir(Pid(id), "pids")!;
        Eventually(() => int.Parse(File.ReadAllText(Path.Combine(pids, "pids.current"))) >= 20, "the pids limit to be reached");
        Thread.Sleep(200);
        int.Parse(File.ReadAllText(Path.Combine(pids, "pids.current"))).ShouldBeLessThanOrEqualTo(20);
    }

    [RootFact]
    public void The_container_sees_its_own_cgroup_as_the_root()
    {
        var bundle = NewBundle().Shell("cat /proc/self/cgroup; ls /sys/fs/cgroup");
        var r = Ok("run", "-b", bundle.Write(), NewId());
        r.Stdout.ShouldContain("memory:/\n");
        r.Stdout.ShouldContain("pids");
    }
}
