using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

public sealed class NamespaceTests : ContainerTest
{
    [RootFact]
    public void Each_configured_namespace_is_new_and_the_others_are_the_hosts()
    {
        string id = CreateSleeper();
        int pid = Pid(id);
        int self = Environment.ProcessId;
        foreach (string ns in new[] { "pid", "net", "ipc", "uts", "mnt", "cgroup" })
            HostView.Namespace(pid, ns).ShouldNotBe(HostView.Namespace(self, ns), ns);
        foreach (string ns in new[] { "user", "time" })
            HostView.Namespace(pid, ns).ShouldBe(HostView.Namespace(self, ns), ns);
    }

    [RootFact]
    public void Inside_the_container_it_is_pid_1_with_the_configured_hostname()
    {
        var bundle = NewBundle().Shell("echo $$; hostname; cat /proc/sys/kernel/domainname").Edit(c => c["domainname"] = "example.test");
        var r = Ok("run", "-b", bundle.Write(), NewId());
        r.Stdout.ShouldBe("1\nociruntime-demo\nexample.test\n");
    }

    [RootFact]
    public void A_namespace_given_by_path_is_joined()
    {
        string first = CreateSleeper();
        int firstPid = Pid(first);
        var bundle = NewBundle("sleep", "1000").Edit(c =>
        {
            var namespaces = c["linux"]!["namespaces"]!.AsArray();
            foreach (var ns in namespaces.Where(n => (string)n!["type"]! is "network" or "ipc").ToList())
                ns!["path"] = $"/proc/{firstPid}/ns/{((string)ns["type"]! == "network" ? "net" : "ipc")}";
        });
        string second = CreateSleeper(bundle);
        int secondPid = Pid(second);
        HostView.Namespace(secondPid, "net").ShouldBe(HostView.Namespace(firstPid, "net"));
        HostView.Namespace(secondPid, "ipc").ShouldBe(HostView.Namespace(firstPid, "ipc"));
        HostView.Namespace(secondPid, "uts").ShouldNotBe(HostView.Namespace(firstPid, "uts"));
    }

    [RootFact]
    public void A_user_namespace_maps_root_to_the_configured_host_ids()
    {
        var bundle = NewBundle().Shell("cat /proc/self/uid_map /proc/self/gid_map; id -u; sleep 1000").Edit(c =>
        {
            c["linux"]!["namespaces"]!.AsArray().Add(new JsonObject { ["type"] = "user" });
            c["linux"]!["uidMappings"] = new JsonArray(new JsonObject { ["containerID"] = 0, ["hostID"] = 100000, ["size"] = 65536 });
            c["linux"]!["gidMappings"] = new JsonArray(new JsonObject { ["containerID"] = 0, ["hostID"] = 100000, ["size"] = 65536 });
            c["mounts"] = new JsonArray(c["mounts"]!.AsArray().Where(m => (string)m!["type"]! is not ("sysfs" or "cgroup"))
                .Select(m => m!.DeepClone()).ToArray());
        });
        string id = CreateSleeper(bundle);
        int pid = Pid(id);
        HostView.Namespace(pid, "user").ShouldNotBe(HostView.Namespace(Environment.ProcessId, "user"));
        File.ReadAllText($"/proc/{pid}/uid_map").Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["0", "100000", "65536\n"]);
        File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith("Uid:")).Split('\t')[1].ShouldBe("100000");
    }

    [RootFact]
    public void In_a_user_namespace_sharing_the_hosts_network_sysfs_is_the_hosts_bound_read_only()
    {
        // The kernel refuses a new sysfs to a user namespace that doesn't own the network namespace; runc binds /sys.
        var bundle = NewBundle().Shell("grep ' /sys ' /proc/self/mounts | cut -d' ' -f3,4 | cut -d, -f1; ls /sys/kernel >/dev/null && echo readable; touch /sys/x 2>/dev/null || echo read-only").Edit(c =>
        {
            var linux = c["linux"]!;
            linux["namespaces"] = new JsonArray(linux["namespaces"]!.AsArray().Where(n => (string)n!["type"]! != "network")
                .Select(n => n!.DeepClone()).Append(new JsonObject { ["type"] = "user" }).ToArray());
            linux["uidMappings"] = new JsonArray(new JsonObject { ["containerID"] = 0, ["hostID"] = 100000, ["size"] = 65536 });
            linux["gidMappings"] = new JsonArray(new JsonObject { ["containerID"] = 0, ["hostID"] = 100000, ["size"] = 65536 });
            c["mounts"] = new JsonArray(c["mounts"]!.AsArray().Where(m => (string)m!["type"]! != "cgroup").Select(m => m!.DeepClone()).ToArray());
        });
        Ok("run", "-b", bundle.Write(), NewId()).Stdout.ShouldBe("sysfs ro\nreadable\nread-only\n");
    }

    [RootFact]
    public void Time_offsets_shift_the_containers_clocks()
    {
        var bundle = NewBundle("cat", "/proc/uptime").Edit(c =>
        {
            c["linux"]!["namespaces"]!.AsArray().Add(new JsonObject { ["type"] = "time" });
            c["linux"]!["timeOffsets"] = new JsonObject { ["boottime"] = new JsonObject { ["secs"] = 1_000_000, ["nanosecs"] = 0 } };
        });
        double inside = double.Parse(Ok("run", "-b", bundle.Write(), NewId()).Stdout.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        double host = double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        (inside - host).ShouldBeInRange(999_990, 1_000_001);
    }

    [RootFact]
    public void A_new_time_namespace_is_created_when_asked()
    {
        var bundle = NewBundle("sleep", "1000").Edit(c => c["linux"]!["namespaces"]!.AsArray().Add(new JsonObject { ["type"] = "time" }));
        string id = CreateSleeper(bundle);
        HostView.Namespace(Pid(id), "time").ShouldNotBe(HostView.Namespace(Environment.ProcessId, "time"));
    }
}
