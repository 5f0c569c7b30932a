using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

public sealed class ProcessSecurityTests : ContainerTest
{
    private static string StatusField(string status, string name) =>
        status.Split('\n').First(l => l.StartsWith(name + ":")).Split('\t', 2)[1].Trim();

    [RootFact]
    public void Default_spec_capabilities_and_no_new_privileges_show_in_proc_status()
    {
        var bundle = NewBundle();
        Ok("spec", "--bundle", bundle.Dir);
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(bundle.Dir, "config.json")))!;
        config["root"]!["path"] = RuntimeBinary.BusyboxRootfs;
        config["process"]!["terminal"] = false;
        config["process"]!["args"] = new JsonArray("cat", "/proc/self/status");
        File.WriteAllText(Path.Combine(bundle.Dir, "config.json"), config.ToJsonString());

        string status = Ok("run", "-b", bundle.Dir, NewId()).Stdout;
        // CAP_KILL (5), CAP_NET_BIND_SERVICE (10), CAP_AUDIT_WRITE (29)
        const string expected = "0000000020000420";
        StatusField(status, "CapBnd").ShouldBe(expected);
        StatusField(status, "CapEff").ShouldBe(expected);
        StatusField(status, "CapPrm").ShouldBe(expected);
        StatusField(status, "CapInh").ShouldBe("0000000000000000");
        StatusField(status, "CapAmb").ShouldBe("0000000000000000");
        StatusField(status, "NoNewPrivs").ShouldBe("1");
    }

    [RootFact]
    public void A_non_root_user_keeps_exactly_its_ambient_capabilities()
    {
        var bundle = NewBundle("cat", "/proc/self/status").Edit(c =>
        {
            c["process"]!["user"] = new JsonObject { ["uid"] = 1000, ["gid"] = 1000 };
            var net = new JsonArray("CAP_NET_BIND_SERVICE");
            c["process"]!["capabilities"] = new JsonObject
            {
                ["bounding"] = new JsonArray("CAP_NET_BIND_SERVICE", "CAP_CHOWN"),
                ["effective"] = net.DeepClone(), ["permitted"] = net.DeepClone(),
                ["inheritable"] = net.DeepClone(), ["ambient"] = net.DeepClone(),
            };
        });
        string status = Ok("run", "-b", bundle.Write(), NewId()).Stdout;
        StatusField(status, "Uid").Split('\t')[0].ShouldBe("1000");
        StatusField(status, "CapAmb").ShouldBe("0000000000000400");
        StatusField(status, "CapEff").ShouldBe("0000000000000400");
        StatusField(status, "CapBnd").ShouldBe("0000000000000401");
    }

    [RootFact]
    public void Without_a_capabilities_section_dropping_root_leaves_no_capabilities()
    {
        var bundle = NewBundle("cat", "/proc/self/status").Edit(c => c["process"]!["user"] = new JsonObject { ["uid"] = 1000, ["gid"] = 1000 });
        string status = Ok("run", "-b", bundle.Write(), NewId()).Stdout;
        StatusField(status, "CapEff").ShouldBe("0000000000000000");
    }

    [RootFact]
    public void Rlimits_are_applied_and_an_impossible_one_names_the_field()
    {
        var bundle = NewBundle().Shell("ulimit -n; ulimit -Hn").Edit(c => c["process"]!["rlimits"] = new JsonArray(
            new JsonObject { ["type"] = "RLIMIT_NOFILE", ["soft"] = 512, ["hard"] = 1024 }));
        Ok("run", "-b", bundle.Write(), NewId()).Stdout.ShouldBe("512\n1024\n");

        var tooHigh = NewBundle("true").Edit(c => c["process"]!["rlimits"] = new JsonArray(
            new JsonObject { ["type"] = "RLIMIT_NOFILE", ["soft"] = 1024, ["hard"] = 1UL << 40 }));
        string id = NewId();
        var r = Runtime.Run("create", "-b", tooHigh.Write(), id);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("/process/rlimits/0");
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
        HostView.CgroupDirsNamed(id).ShouldBeEmpty();
    }
}
