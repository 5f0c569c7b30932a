using System.Text.Json.Nodes;
using NJsonSchema;

namespace OciRuntime.IntegrationTests;

public sealed class CliTests : ContainerTest
{
    /// <summary>The upstream runtime-spec schemas live beside the repo (../shared); on a user's clone they don't.</summary>
    private static async Task AssertValid(string schemaFile, string json)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RealContainers.SchemaDir()!, schemaFile));
        var errors = schema.Validate(json);
        errors.ShouldBeEmpty(json + "\n" + string.Join("\n", errors.Select(e => e.ToString())));
    }

    [RootSchemaFact]
    public async Task State_output_is_valid_against_the_state_schema_in_every_status()
    {
        string id = CreateSleeper();
        foreach (var step in new Action[] { () => { }, () => Ok("start", id), () => Ok("kill", id, "KILL") })
        {
            step();
            Thread.Sleep(100);
            await AssertValid("state-schema.json", Ok("state", id).Stdout);
        }
    }

    [RootSchemaFact]
    public async Task Spec_output_is_valid_against_the_config_schema()
    {
        var bundle = NewBundle();
        Ok("spec", "--bundle", bundle.Dir);
        await AssertValid("config-schema.json", File.ReadAllText(Path.Combine(bundle.Dir, "config.json")));
    }

    [RootFact]
    public void Spec_writes_a_config_that_runs()
    {
        var bundle = NewBundle();
        Ok("spec", "--bundle", bundle.Dir);
        string json = File.ReadAllText(Path.Combine(bundle.Dir, "config.json"));
        var config = JsonNode.Parse(json)!;
        config["process"]!["capabilities"]!["inheritable"].ShouldBeNull(); // CVE-2022-29162
        Runtime.Run("spec", "--bundle", bundle.Dir).ExitCode.ShouldNotBe(0);

        // The default config, pointed at busybox and without a terminal, runs as is.
        config["root"]!["path"] = RuntimeBinary.BusyboxRootfs;
        config["process"]!["terminal"] = false;
        config["process"]!["args"] = new JsonArray("sh", "-c", "hostname");
        File.WriteAllText(Path.Combine(bundle.Dir, "config.json"), config.ToJsonString());
        Ok("run", "-b", bundle.Dir, NewId()).Stdout.ShouldBe("ociruntime\n");
    }

    [RootFact]
    public void Features_say_what_is_supported()
    {
        var doc = JsonNode.Parse(Ok("features").Stdout)!;
        doc["ociVersionMax"]!.ToString().ShouldStartWith("1.");
        doc["linux"]!["namespaces"]!.AsArray().Count.ShouldBe(8);
        var seccomp = doc["linux"]!["seccomp"]!;
        seccomp["enabled"]!.GetValue<bool>().ShouldBeTrue();
        seccomp["actions"]!.AsArray().Select(a => a!.ToString()).ShouldContain("SCMP_ACT_NOTIFY");
        seccomp["operators"]!.AsArray().Count.ShouldBe(7);
        seccomp["archs"]!.AsArray().Select(a => a!.ToString()).ShouldContain("SCMP_ARCH_X86_64");
        seccomp["supportedFlags"]!.AsArray().Select(a => a!.ToString()).ShouldContain("SECCOMP_FILTER_FLAG_TSYNC");
        doc["linux"]!["capabilities"]!.AsArray().Select(c => c!.ToString()).ShouldContain("CAP_SYS_ADMIN");
        doc["hooks"]!.AsArray().Count.ShouldBe(6);
    }

    [RootSchemaFact]
    public async Task Features_are_valid_against_the_features_schema() =>
        await AssertValid("features-schema.json", Ok("features").Stdout);

    [RootFact]
    public void List_shows_containers_as_a_table_json_and_ids()
    {
        Ok("list", "--format", "json").Stdout.Trim().ShouldBe("null");
        string a = CreateSleeper(), b = CreateSleeper();
        Ok("start", b);

        string table = Ok("list").Stdout;
        table.ShouldStartWith("ID ");
        table.ShouldContain(a);
        var json = JsonNode.Parse(Ok("list", "--format", "json").Stdout)!.AsArray();
        json.Select(n => (string)n!["id"]! + ":" + (string)n["status"]!).Order().ShouldBe(new[] { $"{a}:created", $"{b}:running" }.Order());
        Ok("list", "-q").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ShouldBe(new[] { a, b }.Order());
    }

    [RootFact]
    public void Errors_go_to_the_log_file_as_logrus_json_lines()
    {
        string log = Path.Combine(StateRoot, "runtime.log");
        var bundle = NewBundle().Edit(c => c["process"]!["cwd"] = "relative");
        var r = RuntimeBinary.Exec(["--root", StateRoot, "--log", log, "--log-format", "json", "create", "-b", bundle.Write(), NewId()]);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("/process/cwd");
        string raw = File.ReadAllLines(log).Last();
        // containerd parses this with Go's RFC 3339 layout: UTC "Z", no JSON \u escapes in the value.
        raw.ShouldMatch(@"""time"":""\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z""");
        var line = JsonNode.Parse(raw)!;
        line["level"]!.ToString().ShouldBe("error");
        line["msg"]!.ToString().ShouldStartWith("/process/cwd: ");
        DateTimeOffset.Parse(line["time"]!.ToString()).ShouldBeGreaterThan(DateTimeOffset.Now.AddMinutes(-5));
    }
}
