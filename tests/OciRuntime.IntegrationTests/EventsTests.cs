using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

public sealed class EventsTests : ContainerTest
{
    /// <summary>Starts `events` in the background, collecting its stdout lines.</summary>
    private (Process Process, StringBuilder Output) StartEvents(params string[] args)
    {
        var psi = new ProcessStartInfo(RuntimeBinary.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in (string[])["--root", StateRoot, "events", .. args]) psi.ArgumentList.Add(arg);
        var process = Process.Start(psi)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        return (process, output);
    }

    private static string Text(StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    [RootFact]
    public void Stats_of_a_running_container_show_its_processes_memory_and_cpu()
    {
        string id = CreateSleeper();
        Ok("start", id);
        var r = Ok("events", "--stats", id);
        r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
        var e = JsonNode.Parse(r.Stdout)!.AsObject();
        ((string)e["type"]!).ShouldBe("stats");
        ((string)e["id"]!).ShouldBe(id);
        var data = e["data"]!;
        ((ulong)data["pids"]!["current"]!).ShouldBeGreaterThanOrEqualTo(1UL);
        ((ulong)data["pids"]!["limit"]!).ShouldBe(128UL); // the busybox config's limit
        ((ulong)data["memory"]!["usage"]!["usage"]!).ShouldBeGreaterThan(0UL);
        ((ulong)data["memory"]!["usage"]!["limit"]!).ShouldBe(128UL << 20);
        data["memory"]!["raw"].ShouldNotBeNull();
        ((ulong)data["cpu"]!["usage"]!["total"]!).ShouldBeGreaterThan(0UL);
        data["blkio"].ShouldBeOfType<JsonObject>();
        data["hugetlb"].ShouldBeOfType<JsonObject>();
    }

    [RootFact]
    public void Without_stats_it_streams_every_interval_and_ends_when_the_container_stops()
    {
        string id = CreateSleeper();
        Ok("start", id);
        var (events, output) = StartEvents("--interval", "200ms", id);
        using (events)
        {
            try
            {
                Eventually(() => Text(output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 3, "three stats events");
                Ok("kill", id, "KILL");
                events.WaitForExit(5000).ShouldBeTrue("events should end once the container has stopped");
                events.ExitCode.ShouldBe(0);
            }
            finally
            {
                if (!events.HasExited) events.Kill();
            }
        }
        foreach (string line in Text(output).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            ((string)JsonNode.Parse(line)!["type"]!).ShouldBe("stats");
    }

    [RootFact]
    public void A_memory_hog_under_a_small_limit_produces_an_oom_event()
    {
        string id = CreateSleeper(NewBundle("sleep", "1000").Edit(c =>
            c["linux"]!["resources"]!["memory"] = new JsonObject { ["limit"] = 16L << 20, ["swap"] = 16L << 20 }));
        Ok("start", id);
        var (events, output) = StartEvents("--interval", "1h", id);
        using (events)
        {
            try
            {
                Thread.Sleep(300); // let it read the starting OOM count
                // tail keeps all of an endless line in memory until the OOM killer stops it.
                Runtime.Run("exec", id, "tail", "/dev/zero").ExitCode.ShouldNotBe(0);
                Eventually(() => Text(output).Contains("\"oom\""), "an oom event");
            }
            finally
            {
                events.Kill();
            }
        }
        JsonNode.Parse(Text(output).Split('\n', StringSplitOptions.RemoveEmptyEntries).First(l => l.Contains("\"oom\"")))!
            .ToJsonString().ShouldBe($$"""{"type":"oom","id":"{{id}}"}""");
    }

    [RootFact]
    public void A_stopped_container_has_no_events()
    {
        string id = NewId();
        Ok("run", "--detach", "-b", NewBundle("true").Write(), id);
        Eventually(() => (string)State(id)["status"]! == "stopped", "the container to stop");
        var r = Runtime.Run("events", "--stats", id);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("is not running");
    }
}
