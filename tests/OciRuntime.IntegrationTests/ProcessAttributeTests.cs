using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

/// <summary>personality, scheduler, ioPriority and exec's CPU affinity, read back from inside the container.</summary>
public sealed class ProcessAttributeTests : ContainerTest
{
    /// <summary>Fields of /proc/self/stat after the command name, numbered as in proc(5) (state is field 3).</summary>
    private static string StatField(string stat, int field) => stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[field - 3];

    [RootFact]
    public void Linux32_personality_changes_the_reported_machine()
    {
        var bundle = NewBundle("uname", "-m").Edit(c => c["linux"]!["personality"] = new JsonObject { ["domain"] = "LINUX32" });
        Ok("run", "-b", bundle.Write(), NewId()).Stdout.ShouldBe("i686\n");
        Ok("run", "-b", NewBundle("uname", "-m").Write(), NewId()).Stdout.ShouldBe("x86_64\n");
    }

    [RootFact]
    public void Scheduler_policy_and_nice_reach_the_process()
    {
        var bundle = NewBundle("cat", "/proc/self/stat").Edit(c => c["process"]!["scheduler"] =
            new JsonObject { ["policy"] = "SCHED_BATCH", ["nice"] = 7, ["flags"] = new JsonArray("SCHED_FLAG_RESET_ON_FORK") });
        string stat = Ok("run", "-b", bundle.Write(), NewId()).Stdout;
        StatField(stat, 19).ShouldBe("7");   // nice
        StatField(stat, 41).ShouldBe("3");   // policy: SCHED_BATCH (reset-on-fork is not shown here)
    }

    [RootFact]
    public void A_scheduler_the_kernel_refuses_names_the_field_and_leaves_nothing()
    {
        var bundle = NewBundle("true").Edit(c => c["process"]!["scheduler"] = new JsonObject { ["policy"] = "SCHED_FIFO", ["priority"] = 1000 });
        string id = NewId();
        var r = Runtime.Run("run", "-b", bundle.Write(), id);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("/process/scheduler: sched_setattr(SCHED_FIFO)");
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
        HostView.CgroupDirsNamed(id).ShouldBeEmpty();
    }

    [RootFact]
    public void Io_priority_reaches_the_process()
    {
        var bundle = NewBundle("ionice").Edit(c => c["process"]!["ioPriority"] = new JsonObject { ["class"] = "IOPRIO_CLASS_BE", ["priority"] = 6 });
        Ok("run", "-b", bundle.Write(), NewId()).Stdout.Trim().ShouldBe("best-effort: prio 6");
    }

    [RootFact]
    public void Exec_process_gets_its_final_cpu_affinity()
    {
        string id = CreateSleeper();
        Ok("start", id);
        var process = new JsonObject
        {
            ["args"] = new JsonArray("sh", "-c", "grep Cpus_allowed_list /proc/self/status"),
            ["cwd"] = "/",
            ["user"] = new JsonObject { ["uid"] = 0, ["gid"] = 0 },
            ["execCPUAffinity"] = new JsonObject { ["final"] = "0" },
        };
        string file = Path.Combine(StateRoot, "process.json");
        File.WriteAllText(file, process.ToJsonString());
        Ok("exec", "--process", file, id).Stdout.ShouldBe("Cpus_allowed_list:\t0\n");

        process["execCPUAffinity"] = new JsonObject { ["initial"] = "0" };
        File.WriteAllText(file, process.ToJsonString());
        var r = Runtime.Run("exec", "--process", file, id);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("/process/execCPUAffinity/initial");
    }

    [RootFact]
    public void Each_container_gets_a_session_keyring_named_after_it_unless_told_not_to()
    {
        string id = CreateSleeper();
        Ok("start", id);
        // /proc/keys lists what the reader may view: the keyring grants its user (root here) view and read.
        File.ReadAllLines("/proc/keys").ShouldContain(l => l.Contains("keyring") && l.Contains($" {id}:"));

        string other = NewId();
        Ok("create", "--no-new-keyring", "-b", NewBundle("sleep", "1000").Write(), other);
        File.ReadAllLines("/proc/keys").ShouldNotContain(l => l.Contains($" {other}:"));
    }

    [RootTheory]
    [InlineData("apparmorProfile", "ociruntime-test", "/sys/module/apparmor/parameters/enabled", "AppArmor is not enabled")]
    [InlineData("selinuxLabel", "system_u:system_r:container_t:s0", "/sys/fs/selinux/enforce", "SELinux is not enabled")]
    public void A_label_for_a_security_module_this_host_lacks_is_refused_not_ignored(string field, string label, string moduleFile, string error)
    {
        // As runc: a container asked to be confined must not silently run unconfined. Hosts with the module skip.
        if (File.Exists(moduleFile) && (field != "apparmorProfile" || File.ReadAllText(moduleFile).StartsWith('Y'))) return;
        var bundle = NewBundle("true").Edit(c => c["process"]![field] = label);
        string id = NewId();
        var r = Runtime.Run("run", "-b", bundle.Write(), id);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain($"/process/{field}: {error}");
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
        HostView.CgroupDirsNamed(id).ShouldBeEmpty();

        string running = CreateSleeper();
        Ok("start", running);
        string process = Path.Combine(StateRoot, "process.json");
        File.WriteAllText(process, new JsonObject
        {
            ["args"] = new JsonArray("true"), ["cwd"] = "/", ["user"] = new JsonObject { ["uid"] = 0, ["gid"] = 0 }, [field] = label,
        }.ToJsonString());
        Runtime.Run("exec", "--process", process, running).Stderr.ShouldContain($"/process/{field}: {error}");
    }
}
