using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

public sealed class HookTests : ContainerTest
{
    private readonly string _logDir = Directory.CreateTempSubdirectory("ocirt-hooks-").FullName;
    private string Log => Path.Combine(_logDir, "log");

    /// <summary>A hook that appends "kind state-json" to the log; <paramref name="logPath"/> as the hook sees it.</summary>
    private static JsonObject Recorder(string kind, string logPath) => new()
    {
        ["path"] = "/bin/sh",
        ["args"] = new JsonArray("sh", "-c", $"state=$(cat); echo \"{kind} $state\" >> {logPath}"),
    };

    private Bundle BundleWithHooks(JsonObject hooks) => NewBundle("sleep", "1000").Edit(c =>
    {
        c["hooks"] = hooks;
        c["mounts"]!.AsArray().Add(new JsonObject
        {
            ["destination"] = "/hooklog", ["type"] = "bind", ["source"] = _logDir, ["options"] = new JsonArray("rbind", "rw"),
        });
    });

    [RootFact]
    public void All_six_hooks_run_in_order_with_the_state_on_stdin()
    {
        var bundle = BundleWithHooks(new JsonObject
        {
            ["prestart"] = new JsonArray(Recorder("prestart", Log)),
            ["createRuntime"] = new JsonArray(Recorder("createRuntime", Log)),
            ["createContainer"] = new JsonArray(Recorder("createContainer", Log)),
            // startContainer runs inside the container, after pivot_root: it sees the log through the bind mount.
            ["startContainer"] = new JsonArray(Recorder("startContainer", "/hooklog/log")),
            ["poststart"] = new JsonArray(Recorder("poststart", Log)),
            ["poststop"] = new JsonArray(Recorder("poststop", Log)),
        });
        string id = NewId();
        Ok("create", "-b", bundle.Write(), id);
        int pid = Pid(id);
        Ok("start", id);
        Eventually(() => File.Exists(Log) && File.ReadAllLines(Log).Length >= 5, "the start hooks");
        Ok("delete", "--force", id);

        var lines = File.ReadAllLines(Log).Select(l => l.Split(' ', 2)).ToList();
        lines.Select(l => l[0]).ShouldBe(["prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"]);
        var states = lines.Select(l => JsonNode.Parse(l[1])!).ToList();
        states.Select(s => (string)s["status"]!).ShouldBe(["creating", "creating", "creating", "created", "running", "stopped"]);
        states.Take(5).ShouldAllBe(s => (int)s["pid"]! == pid);
        states.ShouldAllBe(s => (string)s["id"]! == id && (string)s["bundle"]! == bundle.Dir);
    }

    [RootFact]
    public void A_failing_create_runtime_hook_fails_create_and_leaves_nothing()
    {
        var bundle = BundleWithHooks(new JsonObject
        {
            ["createRuntime"] = new JsonArray(new JsonObject { ["path"] = "/bin/sh", ["args"] = new JsonArray("sh", "-c", "echo no network for you; exit 3") }),
        });
        string id = NewId();
        var r = Runtime.Run("create", "-b", bundle.Write(), id);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("/hooks/createRuntime/0: /bin/sh exited with status 3: no network for you");
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
        HostView.CgroupDirsNamed(id).ShouldBeEmpty();
        HostView.ProcessesInCgroupNamed(id).ShouldBeEmpty();
    }

    [RootFact]
    public void A_hook_past_its_timeout_is_killed_and_fails_create()
    {
        var bundle = BundleWithHooks(new JsonObject
        {
            ["createContainer"] = new JsonArray(new JsonObject { ["path"] = "/bin/sleep", ["args"] = new JsonArray("sleep", "30"), ["timeout"] = 1 }),
        });
        string id = NewId();
        var r = Runtime.Run("create", "-b", bundle.Write(), id);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("/hooks/createContainer/0: /bin/sleep timed out after 1 s");
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
    }

    [RootFact]
    public void A_failing_start_container_hook_stops_the_container_before_its_program_runs()
    {
        var bundle = BundleWithHooks(new JsonObject
        {
            ["startContainer"] = new JsonArray(new JsonObject { ["path"] = "/bin/false" }),
        }).Shell("echo the-program-ran > /hooklog/ran; sleep 1000");
        string id = NewId();
        Ok("create", "-b", bundle.Write(), id);
        Ok("start", id);
        Eventually(() => State(id)["status"]!.ToString() == "stopped", "the container to stop");
        File.Exists(Path.Combine(_logDir, "ran")).ShouldBeFalse();
    }

    [RootFact]
    public void A_failing_poststart_hook_is_a_warning_and_the_container_runs()
    {
        var bundle = BundleWithHooks(new JsonObject
        {
            ["poststart"] = new JsonArray(new JsonObject { ["path"] = "/bin/false" }, Recorder("poststart-after", Log)),
        });
        string id = NewId();
        Ok("create", "-b", bundle.Write(), id);
        var start = Runtime.Run("start", id);
        start.ExitCode.ShouldBe(0, start.ToString());
        start.Stderr.ShouldContain("level=warning");
        start.Stderr.ShouldContain("/hooks/poststart/0");
        State(id)["status"]!.ToString().ShouldBe("running");
        File.ReadAllText(Log).ShouldStartWith("poststart-after ");
    }

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(_logDir, recursive: true);
    }
}
