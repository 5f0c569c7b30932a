using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

/// <summary>
/// linux.resources.devices on real containers. The behaviour checks (open from inside) hold on cgroup v1 and v2;
/// the devices.list checks need the v1 devices controller, the BPF ones cgroup2 without it.
/// </summary>
public sealed class DeviceCgroupTests : ContainerTest
{
    // /dev, unlike /tmp, is mounted without nodev, so only the device cgroup stands between the node and an open.
    private const string Kmsg = "mknod /dev/kmsg-copy c 1 11 && echo mknod-ok; dd if=/dev/kmsg-copy of=/dev/null bs=8192 count=1 2>&1 && echo kmsg-read; true";

    private static JsonObject Rule(bool allow, string type, int? major, int? minor, string access)
    {
        var rule = new JsonObject { ["allow"] = allow, ["type"] = type, ["access"] = access };
        if (major is not null) rule["major"] = major;
        if (minor is not null) rule["minor"] = minor;
        return rule;
    }

    [RootFact]
    public void Without_rules_the_container_gets_the_default_devices_and_no_others()
    {
        // The busybox config lists no device rules: like runc, deny everything but the default devices.
        var r = Ok("run", "-b", NewBundle().Shell($"head -c1 /dev/null && echo null-ok; head -c4 /dev/urandom | wc -c; {Kmsg}").Write(), NewId());
        r.Stdout.ShouldContain("null-ok");
        r.Stdout.ShouldContain("4\n");
        r.Stdout.ShouldContain("mknod-ok"); // "c *:* m" is a default rule
        r.Stdout.ShouldContain("Operation not permitted");
        r.Stdout.ShouldNotContain("kmsg-read");
    }

    [RootFact]
    public void A_node_from_linux_devices_needs_a_rule_to_be_opened()
    {
        JsonObject Node() => new() { ["path"] = "/dev/kmsg", ["type"] = "c", ["major"] = 1, ["minor"] = 11, ["fileMode"] = 0x1a4 };
        const string read = "ls -l /dev/kmsg; dd if=/dev/kmsg of=/dev/null bs=8192 count=1 2>&1 && echo kmsg-read; true";

        var denied = Ok("run", "-b", NewBundle().Shell(read).Edit(c => c["linux"]!["devices"] = new JsonArray(Node())).Write(), NewId());
        denied.Stdout.ShouldContain("Operation not permitted");
        denied.Stdout.ShouldNotContain("kmsg-read");

        var allowed = Ok("run", "-b", NewBundle().Shell(read).Edit(c =>
        {
            c["linux"]!["devices"] = new JsonArray(Node());
            c["linux"]!["resources"]!["devices"] = new JsonArray(Rule(false, "a", null, null, "rwm"), Rule(true, "c", 1, 11, "r"));
        }).Write(), NewId());
        allowed.Stdout.ShouldContain("kmsg-read");
    }

    [RootFact]
    public void A_later_deny_takes_back_a_default_device()
    {
        // The defaults come after the config's rules, so a config can't deny /dev/null; it can deny /dev/kmsg
        // after allowing all, and that is what it gets.
        var bundle = NewBundle().Shell($"head -c1 /dev/zero | wc -c; {Kmsg}").Edit(c =>
            c["linux"]!["resources"]!["devices"] = new JsonArray(Rule(true, "a", null, null, "rwm"), Rule(false, "c", 1, 11, "rw")));
        var r = Ok("run", "-b", bundle.Write(), NewId());
        r.Stdout.ShouldContain("1\n");
        r.Stdout.ShouldContain("mknod-ok");
        r.Stdout.ShouldContain("Operation not permitted");
    }

    [RootFact]
    public void On_cgroup_v1_devices_list_shows_the_default_rules()
    {
        string id = CreateSleeper();
        string? devices = HostView.CgroupDir(Pid(id), "devices");
        if (devices is null) return; // no v1 devices controller: the BPF test below covers this host
        File.ReadAllLines(Path.Combine(devices, "devices.list")).Order().ShouldBe(new[]
        {
            "b *:* m", "c *:* m", "c 1:3 rwm", "c 1:5 rwm", "c 1:7 rwm", "c 1:8 rwm", "c 1:9 rwm",
            "c 10:200 rwm", "c 136:* rwm", "c 5:0 rwm", "c 5:2 rwm",
        }.Order());
    }

    [RootFact]
    public void A_rule_that_punches_a_hole_in_a_wildcard_is_refused_and_nothing_is_left()
    {
        var bundle = NewBundle("true").Edit(c => c["linux"]!["resources"]!["devices"] =
            new JsonArray(Rule(true, "c", null, null, "rwm"), Rule(false, "c", 1, 3, "r")));
        string id = NewId();
        var r = Runtime.Run("run", "-b", bundle.Write(), id);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("/linux/resources/devices/1");
        HostView.CgroupDirsNamed(id).ShouldBeEmpty();
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
    }

    [RootFact]
    public void Update_replaces_the_device_rules() => UpdateOpensKmsg();

    [Cgroup2DevicesFact]
    public void On_cgroup_v2_a_bpf_program_enforces_the_rules_and_update_replaces_it()
    {
        int pid = UpdateOpensKmsg();
        // The container has no v1 devices cgroup, so what denied and then allowed /dev/kmsg was our BPF program;
        // had the update attached a second program beside the first, the kernel would AND them and still deny.
        File.ReadAllText($"/proc/{pid}/cgroup").ShouldNotContain(":devices:");
    }

    private int UpdateOpensKmsg()
    {
        string id = CreateSleeper(NewBundle("sleep", "1000").Edit(c =>
            c["linux"]!["devices"] = new JsonArray(new JsonObject { ["path"] = "/dev/kmsg", ["type"] = "c", ["major"] = 1, ["minor"] = 11 })));
        Ok("start", id);
        const string read = "dd if=/dev/kmsg of=/dev/null bs=8192 count=1 2>&1 && echo kmsg-read; true";
        Ok("exec", id, "sh", "-c", read).Stdout.ShouldContain("Operation not permitted");

        string file = Path.Combine(StateRoot, "devices.json");
        File.WriteAllText(file, new JsonObject
        {
            ["devices"] = new JsonArray(Rule(false, "a", null, null, "rwm"), Rule(true, "c", 1, 11, "r")),
        }.ToJsonString());
        Ok("update", "--resources", file, id);
        Ok("exec", id, "sh", "-c", read).Stdout.ShouldContain("kmsg-read");
        Ok("exec", id, "sh", "-c", "head -c1 /dev/zero | wc -c").Stdout.ShouldBe("1\n"); // the defaults stay
        return Pid(id);
    }
}

/// <summary>A real-container test for hosts whose device rules go to cgroup2 (no v1 devices controller).</summary>
public sealed class Cgroup2DevicesFactAttribute : FactAttribute
{
    public Cgroup2DevicesFactAttribute() => Skip = RealContainers.WhyNot() ?? (V1DevicesMounted()
        ? "the v1 devices controller is mounted here, so device rules go to devices.allow/deny, not a BPF program" : null);

    private static bool V1DevicesMounted() =>
        File.ReadAllLines("/proc/self/mountinfo").Any(line =>
        {
            string[] f = line.Split(' ');
            int dash = Array.IndexOf(f, "-");
            return dash > 0 && f[dash + 1] == "cgroup" && f[dash + 3].Split(',').Contains("devices");
        });
}
