using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

public sealed class FilesystemTests : ContainerTest
{
    private string RunShell(string script, Action<JsonObject>? edit = null)
    {
        var bundle = NewBundle().Shell(script);
        if (edit is not null) bundle.Edit(edit);
        return Ok("run", "-b", bundle.Write(), NewId()).Stdout;
    }

    [RootFact]
    public void The_root_is_the_bundle_rootfs_after_pivot_root_with_no_host_path_left()
    {
        string mountinfo = RunShell("cat /proc/self/mountinfo");
        var lines = mountinfo.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldAllBe(l => !l.Contains(" /work/") || l.Split(' ')[4] != "/work");
        lines.Select(l => l.Split(' ')[4]).ShouldContain("/");
        lines.Select(l => l.Split(' ')[4]).ShouldContain("/proc");
        // A chroot would leave the host's root mount visible; pivot_root + detach leaves exactly one "/".
        lines.Count(l => l.Split(' ')[4] == "/").ShouldBe(1);
    }

    [RootFact]
    public void Mounts_from_the_config_have_their_types_and_flags()
    {
        string mountinfo = RunShell("cat /proc/self/mountinfo");
        MountLine(mountinfo, "/proc").ShouldContain(" - proc ");
        MountLine(mountinfo, "/dev").ShouldContain(" - tmpfs ");
        MountLine(mountinfo, "/dev/pts").ShouldContain(" - devpts ");
        MountLine(mountinfo, "/dev/shm").ShouldContain(" - tmpfs ");
        MountLine(mountinfo, "/dev/mqueue").ShouldContain(" - mqueue ");
        MountLine(mountinfo, "/sys").ShouldContain(" - sysfs ");
        MountLine(mountinfo, "/sys").Split(' ')[5].Split(',').ShouldContain("ro");
        MountLine(mountinfo, "/dev/shm").Split(' ')[5].Split(',').ShouldContain("noexec");
    }

    [RootFact]
    public void A_readonly_root_refuses_writes_but_tmpfs_accepts_them()
    {
        string output = RunShell("touch /newfile 2>&1 || echo refused; touch /tmp/ok && echo tmp-ok");
        output.ShouldContain("refused");
        output.ShouldContain("tmp-ok");
        File.Exists(Path.Combine(RuntimeBinary.BusyboxRootfs, "newfile")).ShouldBeFalse();
    }

    [RootFact]
    public void Dev_has_the_standard_nodes_and_links()
    {
        string output = RunShell("ls -l /dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/tty; for l in /dev/ptmx /dev/fd /dev/stdin; do readlink $l; done");
        var nodes = output.Split('\n').Where(l => l.StartsWith('c')).ToDictionary(l => l.Split(' ').Last(), l => l);
        foreach (var (device, numbers) in new[] { ("/dev/null", "1,   3"), ("/dev/zero", "1,   5"), ("/dev/full", "1,   7"),
                     ("/dev/random", "1,   8"), ("/dev/urandom", "1,   9"), ("/dev/tty", "5,   0") })
        {
            nodes[device].ShouldStartWith("crw-rw-rw-");
            nodes[device].ShouldContain(numbers);
        }
        output.ShouldContain("pts/ptmx\n/proc/self/fd\n/proc/self/fd/0");
    }

    [RootFact]
    public void A_bind_mount_shows_host_files_read_only_when_asked()
    {
        string hostDir = Directory.CreateTempSubdirectory("ocirt-bind-").FullName;
        File.WriteAllText(Path.Combine(hostDir, "hello.txt"), "from the host");
        try
        {
            string output = RunShell("cat /data/hello.txt; echo; touch /data/x 2>&1 || echo refused", c =>
                c["mounts"]!.AsArray().Add(new JsonObject
                {
                    ["destination"] = "/data", ["type"] = "bind", ["source"] = hostDir,
                    ["options"] = new JsonArray("rbind", "ro"),
                }));
            output.ShouldContain("from the host");
            output.ShouldContain("refused");
            File.Exists(Path.Combine(hostDir, "x")).ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(hostDir, true);
        }
    }

    [RootFact]
    public void Masked_and_readonly_paths_are_applied()
    {
        File.Exists("/proc/timer_list").ShouldBeTrue("this test needs a kernel with /proc/timer_list");
        string output = RunShell("wc -c < /proc/timer_list; echo 1 > /proc/sys/kernel/ns_last_pid 2>&1 || echo ro-refused; grep -c ' /proc/timer_list ' /proc/self/mountinfo");
        var lines = output.Split('\n');
        lines[0].Trim().ShouldBe("0");
        output.ShouldContain("ro-refused");
    }

    [RootFact]
    public void No_pivot_moves_the_root_and_chroots()
    {
        var bundle = NewBundle().Shell("ls /bin/busybox && echo $$");
        var r = Ok("run", "--no-pivot", "-b", bundle.Write(), NewId());
        r.Stdout.ShouldBe("/bin/busybox\n1\n");
    }

    [RootTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_symlink_in_the_rootfs_cannot_redirect_a_mount_onto_the_host(bool absoluteLink)
    {
        string rootfs = Directory.CreateTempSubdirectory("ocirt-evil-").FullName;
        string hostTarget = Directory.CreateTempSubdirectory("ocirt-victim-").FullName;
        try
        {
            CopyBusybox(rootfs);
            // Absolute, or climbing out with enough "../" to reach the host's root from the rootfs.
            string link = absoluteLink ? hostTarget : string.Concat(Enumerable.Repeat("../", 8)) + hostTarget.TrimStart('/');
            File.CreateSymbolicLink(Path.Combine(rootfs, "evil"), link);
            var bundle = NewBundle().Shell("ls -d /evil/x && echo inside").Edit(c =>
            {
                c["root"] = new JsonObject { ["path"] = rootfs };
                c["mounts"]!.AsArray().Add(new JsonObject { ["destination"] = "/evil/x", ["type"] = "tmpfs", ["source"] = "tmpfs" });
            });
            var r = Runtime.Run("run", "-b", bundle.Write(), NewId());
            r.ExitCode.ShouldBe(0, r.ToString());
            Directory.Exists(Path.Combine(hostTarget, "x")).ShouldBeFalse("the mount target was created on the host");
        }
        finally
        {
            Directory.Delete(rootfs, true);
            Directory.Delete(hostTarget, true);
        }
    }

    [RootFact]
    public void User_group_cwd_and_env_apply_to_the_process()
    {
        string output = RunShell("id; pwd; echo $GREETING", c =>
        {
            c["process"]!["user"] = new JsonObject { ["uid"] = 1000, ["gid"] = 1001, ["additionalGids"] = new JsonArray(2000, 2001) };
            c["process"]!["cwd"] = "/tmp";
            c["process"]!["env"]!.AsArray().Add("GREETING=hello");
        });
        output.ShouldBe("uid=1000 gid=1001 groups=2000,2001\n/tmp\nhello\n");
    }

    [RootFact]
    public void No_runtime_descriptor_leaks_into_the_container()
    {
        string output = RunShell("ls /proc/self/fd");
        // 0-2 are stdio; 3 is the directory ls itself opened.
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["0", "1", "2", "3"]);
    }

    [RootFact]
    public void An_overlay_mount_from_the_config_merges_its_layers_and_writes_to_the_upper_dir()
    {
        string layers = Directory.CreateDirectory(Path.Combine(StateRoot, "layers")).FullName;
        string lower = Directory.CreateDirectory(Path.Combine(layers, "lower")).FullName;
        string upper = Directory.CreateDirectory(Path.Combine(layers, "upper")).FullName;
        string work = Directory.CreateDirectory(Path.Combine(layers, "work")).FullName;
        File.WriteAllText(Path.Combine(lower, "from-lower"), "lower\n");
        var bundle = NewBundle().Shell("cat /mnt/from-lower; echo new > /mnt/written; grep ' /mnt ' /proc/self/mountinfo | sed 's/.* - //' | cut -d' ' -f1")
            .Edit(c => c["mounts"]!.AsArray().Add(new JsonObject
            {
                ["destination"] = "/mnt", ["type"] = "overlay", ["source"] = "overlay",
                ["options"] = new JsonArray($"lowerdir={lower}", $"upperdir={upper}", $"workdir={work}"),
            }));
        Ok("run", "-b", bundle.Write(), NewId()).Stdout.ShouldBe("lower\noverlay\n");
        File.ReadAllText(Path.Combine(upper, "written")).ShouldBe("new\n");
        File.Exists(Path.Combine(lower, "written")).ShouldBeFalse();
    }

    [RootFact]
    public void Tmpcopyup_fills_a_tmpfs_with_what_the_image_had_there()
    {
        // Podman's --read-only puts /tmp, /run and /var/tmp on such tmpfs mounts; /bin here proves executables,
        // modes and symlinks survive the copy.
        var bundle = NewBundle().Shell("head -n1 /etc/passwd; echo new > /etc/added && cat /etc/added; " +
                                       "grep ' /bin ' /proc/self/mounts | cut -d' ' -f3; ls -l /bin/busybox | cut -c1-10; readlink /bin/sh")
            .Edit(c =>
            {
                var mounts = c["mounts"]!.AsArray();
                mounts.Add(new JsonObject { ["destination"] = "/etc", ["type"] = "tmpfs", ["source"] = "tmpfs", ["options"] = new JsonArray("tmpcopyup", "nosuid") });
                mounts.Add(new JsonObject { ["destination"] = "/bin", ["type"] = "tmpfs", ["source"] = "tmpfs", ["options"] = new JsonArray("tmpcopyup") });
            });
        string passwd = File.ReadLines(Path.Combine(RuntimeBinary.BusyboxRootfs, "etc", "passwd")).First();
        Ok("run", "-b", bundle.Write(), NewId()).Stdout.ShouldBe($"{passwd}\nnew\ntmpfs\n-rwxr-xr-x\nbusybox\n");
        File.Exists(Path.Combine(RuntimeBinary.BusyboxRootfs, "etc", "added")).ShouldBeFalse();
    }

    private static string MountLine(string mountinfo, string mountPoint) =>
        mountinfo.Split('\n').Last(l => l.Split(' ').Length > 4 && l.Split(' ')[4] == mountPoint);

    private static void CopyBusybox(string rootfs)
    {
        Directory.CreateDirectory(Path.Combine(rootfs, "bin"));
        File.Copy(Path.Combine(RuntimeBinary.BusyboxRootfs, "bin", "busybox"), Path.Combine(rootfs, "bin", "busybox"));
        foreach (string applet in new[] { "sh", "ls", "echo" })
            File.CreateSymbolicLink(Path.Combine(rootfs, "bin", applet), "busybox");
        foreach (string dir in new[] { "proc", "dev", "sys", "tmp" }) Directory.CreateDirectory(Path.Combine(rootfs, dir));
    }
}
