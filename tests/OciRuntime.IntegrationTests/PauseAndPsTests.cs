using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

public sealed class PauseAndPsTests : ContainerTest
{
    private string RunningPair()
    {
        var bundle = NewBundle().Shell("sleep 1000 & wait");
        string id = NewId();
        Ok("run", "--detach", "-b", bundle.Write(), id);
        return id;
    }

    /// <summary>The kernel's own word, from the host: v1 freezer.state, or v2 cgroup.events' "frozen" line.</summary>
    private static string FreezerState(int pid)
    {
        if (HostView.CgroupDir(pid, "freezer") is { } dir) return File.ReadAllText(Path.Combine(dir, "freezer.state")).Trim();
        string v2 = $"/sys/fs/cgroup{File.ReadAllLines($"/proc/{pid}/cgroup").First(l => l.StartsWith("0::"))[3..]}";
        return File.ReadAllLines(Path.Combine(v2, "cgroup.events")).Contains("frozen 1") ? "FROZEN" : "THAWED";
    }

    [RootFact]
    public void Pause_freezes_every_process_and_resume_thaws_them()
    {
        string id = RunningPair();
        int pid = Pid(id);
        Eventually(() => Ok("ps", "--format", "json", id).Stdout.Count(c => c == ',') == 1, "both processes");

        Ok("pause", id);
        State(id)["status"]!.ToString().ShouldBe("paused");
        FreezerState(pid).ShouldBe("FROZEN");
        Runtime.Run("pause", id).ExitCode.ShouldNotBe(0);

        Ok("resume", id);
        State(id)["status"]!.ToString().ShouldBe("running");
        FreezerState(pid).ShouldBe("THAWED");
        Runtime.Run("resume", id).Stderr.ShouldContain("not paused");
    }

    [RootFact]
    public void A_paused_container_can_be_force_deleted()
    {
        string id = RunningPair();
        int pid = Pid(id);
        Ok("pause", id);
        Ok("delete", "--force", id);
        HostView.Alive(pid).ShouldBeFalse();
        HostView.CgroupDirsNamed(id).ShouldBeEmpty();
    }

    [RootFact]
    public void Ps_lists_the_containers_processes_as_json_and_as_a_table()
    {
        string id = RunningPair();
        int pid = Pid(id);
        Eventually(() => Ok("ps", "--format", "json", id).Stdout.Count(c => c == ',') == 1, "both processes");
        var pids = JsonNode.Parse(Ok("ps", "--format", "json", id).Stdout)!.AsArray().Select(n => (int)n!).ToList();
        pids.ShouldContain(pid);
        pids.Count.ShouldBe(2);

        if (!File.Exists("/usr/bin/ps") && !File.Exists("/bin/ps")) return; // the table needs procps
        var table = Ok("ps", id).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        table[0].ShouldContain("PID");
        table.Length.ShouldBe(3);
        Ok("ps", id, "-o", "pid,comm").Stdout.ShouldContain($"{pid} sh");
    }
}
