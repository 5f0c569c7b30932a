using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

/// <summary>
/// Containers created by an unprivileged user: `spec --rootless` then run, the full lifecycle, the state root
/// fallback, cgroup limits that can't be honoured, and uid ranges through newuidmap.
/// </summary>
public sealed class RootlessTests(RootlessUser user) : IClassFixture<RootlessUser>
{
    private static string Id(string hint) => $"{hint}-{Guid.NewGuid():N}"[..20];

    /// <summary>The user's `spec --rootless` config, made non-interactive and running the given script.</summary>
    private JsonObject RootlessSpec(string script)
    {
        string scratch = user.NewBundle();
        Ok(user.Run("spec", "--rootless", "--bundle", scratch));
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(scratch, "config.json")))!.AsObject();
        config["process"]!["terminal"] = false;
        config["process"]!["args"] = new JsonArray("sh", "-c", script);
        return config;
    }

    private static CommandResult Ok(CommandResult r)
    {
        r.ExitCode.ShouldBe(0, r.ToString());
        return r;
    }

    private static string Squeeze(string text) => string.Join('\n', text.Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))));

    private void ShouldLeaveNothing(string stateRoot, string id)
    {
        Directory.Exists(Path.Combine(stateRoot, id)).ShouldBeFalse();
        HostView.CgroupDirsNamed(id).ShouldBeEmpty();
    }

    [RootlessFact]
    public void SpecRootlessThenRunIsRootInsideMappedToTheUser()
    {
        var config = RootlessSpec("id -u; id -g; cat /proc/self/uid_map /proc/self/gid_map; hostname; echo pid $$");
        string id = Id("rl-run");

        var r = Ok(user.Run("run", "--bundle", user.NewBundle(config), id));

        Squeeze(r.Stdout).ShouldBe($"0\n0\n0 {user.Uid} 1\n0 {user.Gid} 1\nociruntime\npid 1\n");
        ShouldLeaveNothing(user.StateRoot, id);
    }

    [RootlessFact]
    public void FullLifecycleAsTheUserLeavesNothingBehind()
    {
        var config = RootlessSpec("sleep 1000");
        string bundle = user.NewBundle(config), id = Id("rl-life");

        Ok(user.Run("create", "--bundle", bundle, id));
        try
        {
            Lifecycle(id);
        }
        finally
        {
            user.Run("delete", "--force", id);
        }
        ShouldLeaveNothing(user.StateRoot, id);
        Ok(user.Run("list")).Stdout.ShouldNotContain(id);
    }

    private void Lifecycle(string id)
    {
        var state = JsonNode.Parse(Ok(user.Run("state", id)).Stdout)!;
        state["status"]!.GetValue<string>().ShouldBe("created");
        state["owner"]!.GetValue<string>().ShouldBe(RootlessUser.Name);
        int pid = (int)state["pid"]!;
        // From the host: init runs as the user, in its own user namespace, with no cgroup of its own.
        File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Uid:")).Split('\t')[1].ShouldBe(user.Uid.ToString());
        HostView.Namespace(pid, "user").ShouldNotBe(HostView.Namespace(Environment.ProcessId, "user"));
        Directory.Exists(Path.Combine(user.StateRoot, id)).ShouldBeTrue();

        Ok(user.Run("start", id));
        JsonNode.Parse(Ok(user.Run("state", id)).Stdout)!["status"]!.GetValue<string>().ShouldBe("running");
        Squeeze(Ok(user.Run("exec", id, "sh", "-c", "id -u; hostname; cat /proc/1/cmdline | tr '\\0' ' '")).Stdout)
            .ShouldBe("0\nociruntime\nsleep 1000");
        Ok(user.Run("ps", "--format", "json", id)).Stdout.ShouldContain(pid.ToString());
        Ok(user.Run("list")).Stdout.ShouldContain(id);

        Ok(user.Run("kill", id, "KILL"));
        long deadline = Environment.TickCount64 + 5000;
        while (HostView.Alive(pid) && Environment.TickCount64 < deadline) Thread.Sleep(20);
        HostView.Alive(pid).ShouldBeFalse();
        Ok(user.Run("delete", id));
    }

    [RootlessFact]
    public void WithoutXdgRuntimeDirStateGoesToThePerUserFallback()
    {
        string bundle = user.NewBundle(RootlessSpec("sleep 1000")), id = Id("rl-tmp");

        Ok(user.Run(withXdg: false, "create", "--bundle", bundle, id));
        try
        {
            Directory.Exists(Path.Combine(user.FallbackStateRoot, id)).ShouldBeTrue();
            Directory.Exists(Path.Combine(user.StateRoot, id)).ShouldBeFalse();
        }
        finally
        {
            Ok(user.Run(withXdg: false, "delete", "--force", id));
        }
        ShouldLeaveNothing(user.FallbackStateRoot, id);
    }

    [RootlessFact]
    public void AMemoryLimitWithoutAWritableCgroupIsRefusedNamingTheField()
    {
        var config = RootlessSpec("true");
        config["linux"]!["resources"] = new JsonObject { ["memory"] = new JsonObject { ["limit"] = 64L << 20 } };
        string id = Id("rl-mem");

        var r = user.Run("run", "--bundle", user.NewBundle(config), id);

        r.ExitCode.ShouldNotBe(0, r.ToString());
        r.Stderr.ShouldContain("/linux/resources/memory/limit:");
        ShouldLeaveNothing(user.StateRoot, id);
    }

    [RootlessFact]
    public void ADelegatedCgroupTakesTheLimit()
    {
        string name = Id("ocirt-rl-deleg");
        var delegated = user.DelegateCgroups(name);
        try
        {
            var config = RootlessSpec("cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max");
            config["linux"]!["resources"] = new JsonObject { ["memory"] = new JsonObject { ["limit"] = 64L << 20 } };
            config["linux"]!["cgroupsPath"] = $"/{name}/ctr";
            string id = Id("rl-cg");

            var r = user.RunInCgroups(delegated.Select(d => Path.Combine(d, "runtime")), "run", "--bundle", user.NewBundle(config), id);

            r.ExitCode.ShouldBe(0, r.ToString());
            r.Stdout.Trim().ShouldBe((64L << 20).ToString());
            delegated.ShouldAllBe(d => !Directory.Exists(Path.Combine(d, "ctr")));
        }
        finally
        {
            RootlessUser.RemoveCgroups(delegated);
        }
    }

    [RootlessFact]
    public void SubordinateRangesAreMappedThroughNewuidmap()
    {
        var config = RootlessSpec("id; cat /proc/self/uid_map /proc/self/gid_map");
        config["linux"]!["uidMappings"] = Mappings(user.Uid, user.SubuidStart);
        config["linux"]!["gidMappings"] = Mappings(user.Gid, user.SubgidStart);
        config["process"]!["user"] = new JsonObject { ["uid"] = 1000, ["gid"] = 1000, ["additionalGids"] = new JsonArray(5) };
        string id = Id("rl-range");

        var r = Ok(user.Run("run", "--bundle", user.NewBundle(config), id));

        Squeeze(r.Stdout).ShouldBe(
            "uid=1000 gid=1000 groups=5\n" +
            $"0 {user.Uid} 1\n1 {user.SubuidStart} 65536\n0 {user.Gid} 1\n1 {user.SubgidStart} 65536\n");
        ShouldLeaveNothing(user.StateRoot, id);
    }

    [RootlessFact]
    public void ARangeNotDelegatedToTheUserIsRefusedNamingTheMapping()
    {
        var config = RootlessSpec("true");
        config["linux"]!["uidMappings"] = Mappings(user.Uid, 3_000_000_000);
        string id = Id("rl-deny");

        var r = user.Run("run", "--bundle", user.NewBundle(config), id);

        r.ExitCode.ShouldNotBe(0, r.ToString());
        r.Stderr.ShouldContain($"/linux/uidMappings: mapping 0 {user.Uid} 1, 1 3000000000 65536 is not delegated");
        ShouldLeaveNothing(user.StateRoot, id);
    }

    private static JsonArray Mappings(uint own, uint subordinate) =>
    [
        new JsonObject { ["containerID"] = 0, ["hostID"] = own, ["size"] = 1 },
        new JsonObject { ["containerID"] = 1, ["hostID"] = subordinate, ["size"] = 65536 },
    ];
}
