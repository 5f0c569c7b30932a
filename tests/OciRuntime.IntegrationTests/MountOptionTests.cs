using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

/// <summary>
/// Each mount option as the container sees it: the flag in its own /proc/self/mountinfo, and where the flag
/// forbids something (writing, exec, device access, following a symlink), that the kernel refuses it.
/// </summary>
public sealed class MountOptionTests : ContainerTest
{
    private const string Refused = "refused", Allowed = "allowed";

    /// <summary>option → which mountinfo field shows it ("mount" per-mount options, "super" superblock options,
    /// "tags" propagation), the word expected there ("!x" means x must be absent), and a probe with its outcome.</summary>
    public static TheoryData<string, string, string, string, string> Options => new()
    {
        { "ro", "mount", "ro", "touch /mnt/f", Refused },
        { "rw", "mount", "rw", "touch /mnt/f", Allowed },
        { "nosuid", "mount", "nosuid", "", "" },
        { "suid", "mount", "!nosuid", "", "" },
        { "nodev", "mount", "nodev", "mknod /mnt/null c 1 3 && echo x > /mnt/null", Refused },
        { "dev", "mount", "!nodev", "mknod /mnt/null c 1 3 && echo x > /mnt/null", Allowed },
        { "noexec", "mount", "noexec", "cp /bin/busybox /mnt/busybox && /mnt/busybox true", Refused },
        { "exec", "mount", "!noexec", "cp /bin/busybox /mnt/busybox && /mnt/busybox true", Allowed },
        { "sync", "super", "sync", "", "" },
        { "dirsync", "super", "dirsync", "", "" },
        { "lazytime", "super", "lazytime", "", "" },
        { "noatime", "mount", "noatime", "", "" },
        { "relatime", "mount", "relatime", "", "" },
        { "strictatime", "mount", "!relatime", "", "" },
        { "nodiratime", "mount", "nodiratime", "", "" },
        { "nosymfollow", "mount", "nosymfollow", "echo hi > /mnt/f && ln -s /mnt/f /mnt/l && cat /mnt/l", Refused },
        { "symfollow", "mount", "!nosymfollow", "echo hi > /mnt/f && ln -s /mnt/f /mnt/l && cat /mnt/l", Allowed },
        // Mandatory locking is gone from the kernel (5.15); like runc the option is passed on and the mount still works.
        { "mand", "mount", "!mand", "touch /mnt/f", Allowed },
        { "nomand", "mount", "!mand", "touch /mnt/f", Allowed },
        { "unbindable", "tags", "unbindable", "", "" },
        { "shared", "tags", "shared:", "", "" },
        { "private", "tags", "!shared:", "", "" },
    };

    [RootTheory]
    [MemberData(nameof(Options))]
    public void A_mount_option_shows_in_the_containers_mountinfo_and_is_enforced(string option, string field, string expected, string probe, string outcome)
    {
        string script = "grep ' /mnt ' /proc/self/mountinfo; echo ---; " +
                        (probe.Length == 0 ? "true" : $"({probe}) >/dev/null 2>&1 && echo {Allowed} || echo {Refused}");
        var bundle = NewBundle().Shell(script).Edit(c => c["mounts"]!.AsArray().Add(new JsonObject
        {
            ["destination"] = "/mnt", ["type"] = "tmpfs", ["source"] = "tmpfs", ["options"] = new JsonArray("mode=777", option),
        }));
        string[] parts = Ok("run", "-b", bundle.Write(), NewId()).Stdout.Split("---\n");
        var words = Field(parts[0].Trim().Split('\n').Last(), field);
        string word = expected.TrimStart('!');
        words.Any(w => w.StartsWith(word)).ShouldBe(!expected.StartsWith('!'), parts[0]);
        if (outcome.Length > 0) parts[1].Trim().ShouldBe(outcome);
    }

    [RootFact]
    public void Remount_changes_a_mount_made_by_an_earlier_entry()
    {
        var bundle = NewBundle().Shell("grep ' /mnt ' /proc/self/mountinfo; touch /mnt/f 2>/dev/null && echo allowed || echo refused").Edit(c =>
        {
            var mounts = c["mounts"]!.AsArray();
            mounts.Add(new JsonObject { ["destination"] = "/mnt", ["type"] = "tmpfs", ["source"] = "tmpfs" });
            mounts.Add(new JsonObject { ["destination"] = "/mnt", ["type"] = "tmpfs", ["source"] = "tmpfs", ["options"] = new JsonArray("remount", "ro") });
        });
        var lines = Ok("run", "-b", bundle.Write(), NewId()).Stdout.Trim().Split('\n');
        lines.Length.ShouldBe(2, "a remount must not stack a second tmpfs");
        Field(lines[0], "mount").ShouldContain("ro");
        lines[1].ShouldBe(Refused);
    }

    [RootTheory]
    [InlineData("rro", true)]
    [InlineData("ro", false)]
    public void Rro_makes_every_submount_of_a_bind_read_only_where_ro_only_reaches_the_top(string option, bool submountReadOnly)
    {
        using var tree = new HostTreeWithSubmount();
        string script = "grep -E ' /data(/sub)? ' /proc/self/mountinfo; " +
                        "touch /data/top 2>/dev/null && echo top-allowed || echo top-refused; " +
                        "touch /data/sub/deep 2>/dev/null && echo sub-allowed || echo sub-refused";
        var bundle = NewBundle().Shell(script).Edit(c => c["mounts"]!.AsArray().Add(new JsonObject
        {
            ["destination"] = "/data", ["type"] = "bind", ["source"] = tree.Dir, ["options"] = new JsonArray("rbind", option),
        }));
        string output = Ok("run", "-b", bundle.Write(), NewId()).Stdout;
        var lines = output.Split('\n').Where(l => l.Split(' ').Length > 5).ToArray();
        Field(lines.Single(l => l.Split(' ')[4] == "/data"), "mount").ShouldContain("ro", output);
        Field(lines.Single(l => l.Split(' ')[4] == "/data/sub"), "mount").ShouldContain(submountReadOnly ? "ro" : "rw", output);
        output.ShouldContain("top-refused");
        output.ShouldContain(submountReadOnly ? "sub-refused" : "sub-allowed");
        File.Exists(Path.Combine(tree.Dir, "top")).ShouldBeFalse();
    }

    [RootFact]
    public void Recursive_noexec_nosuid_nodev_and_noatime_reach_the_submount()
    {
        using var tree = new HostTreeWithSubmount();
        var bundle = NewBundle().Shell("grep ' /data/sub ' /proc/self/mountinfo").Edit(c => c["mounts"]!.AsArray().Add(new JsonObject
        {
            ["destination"] = "/data", ["type"] = "bind", ["source"] = tree.Dir,
            ["options"] = new JsonArray("rbind", "rnoexec", "rnosuid", "rnodev", "rnoatime", "rnosymfollow"),
        }));
        var words = Field(Ok("run", "-b", bundle.Write(), NewId()).Stdout.Trim(), "mount");
        words.ShouldContain("noexec");
        words.ShouldContain("nosuid");
        words.ShouldContain("nodev");
        words.ShouldContain("noatime");
        words.ShouldContain("nosymfollow");
        words.ShouldContain("rw");
    }

    [RootFact]
    public void A_mount_label_is_accepted_and_ignored_without_selinux()
    {
        File.Exists("/sys/fs/selinux/enforce").ShouldBeFalse("this test is about a host without SELinux");
        var bundle = NewBundle().Shell("grep -c context= /proc/self/mountinfo || true")
            .Edit(c => c["linux"]!["mountLabel"] = "system_u:object_r:container_file_t:s0:c1,c2");
        Ok("run", "-b", bundle.Write(), NewId()).Stdout.Trim().ShouldBe("0");
    }

    /// <summary>mountinfo: id parent maj:min root mountpoint options [tags...] - type source superoptions.</summary>
    private static string[] Field(string line, string which)
    {
        var f = line.Split(' ');
        int dash = Array.IndexOf(f, "-");
        return which switch
        {
            "mount" => f[5].Split(','),
            "tags" => f[6..dash],
            _ => f[dash + 3].Split(','),
        };
    }

    /// <summary>A host directory with a tmpfs mounted on its "sub" directory, unmounted and removed afterwards.</summary>
    private sealed class HostTreeWithSubmount : IDisposable
    {
        public string Dir { get; } = Directory.CreateTempSubdirectory("ocirt-tree-").FullName;
        private string Sub => Path.Combine(Dir, "sub");

        public HostTreeWithSubmount()
        {
            Directory.CreateDirectory(Sub);
            Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", Sub);
        }

        public void Dispose()
        {
            Run("umount", "-l", Sub);
            Directory.Delete(Dir, recursive: true);
        }

        private static void Run(params string[] args)
        {
            var psi = new ProcessStartInfo(args[0]) { UseShellExecute = false };
            foreach (string a in args[1..]) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            p.WaitForExit();
            p.ExitCode.ShouldBe(0, string.Join(' ', args));
        }
    }
}
