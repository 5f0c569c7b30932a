using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

public sealed class UpdateTests : ContainerTest
{
    [RootFact]
    public void Update_changes_the_limits_of_a_running_container_and_records_them()
    {
        string id = CreateSleeper();
        Ok("start", id);
        int pid = Pid(id);

        Ok("update", "--memory", (48L << 20).ToString(), "--pids-limit", "77", id);
        HostView.MemoryLimit(pid).ShouldBe((48L << 20).ToString());
        File.ReadAllText(Path.Combine(HostView.CgroupDir(pid, "pids")!, "pids.max")).Trim().ShouldBe("77");

        string file = Path.Combine(StateRoot, "resources.json");
        File.WriteAllText(file, new JsonObject { ["pids"] = new JsonObject { ["limit"] = 99 } }.ToJsonString());
        Ok("update", "--resources", file, id);
        File.ReadAllText(Path.Combine(HostView.CgroupDir(pid, "pids")!, "pids.max")).Trim().ShouldBe("99");

        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(StateRoot, id, "config.json")))!["linux"]!["resources"]!;
        ((int)recorded["pids"]!["limit"]!).ShouldBe(99);
        ((long)recorded["memory"]!["limit"]!).ShouldBe(48L << 20);
    }

    [RootFact]
    public void A_bad_value_names_the_field_and_changes_nothing()
    {
        string id = CreateSleeper();
        Ok("start", id);
        string pids = Path.Combine(HostView.CgroupDir(Pid(id), "pids")!, "pids.max");
        string before = File.ReadAllText(pids);
        var r = Runtime.Run("update", "--pids-limit", "-5", id);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("/linux/resources/pids/limit");
        File.ReadAllText(pids).ShouldBe(before);
        string file = Path.Combine(StateRoot, "swappiness.json");
        File.WriteAllText(file, """{"memory": {"swappiness": 200}}""");
        var swappiness = Runtime.Run("update", "--resources", file, id);
        swappiness.ExitCode.ShouldNotBe(0);
        swappiness.Stderr.ShouldContain("/linux/resources/memory/swappiness");
    }
}
