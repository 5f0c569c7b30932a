using OciRuntime.Linux;

namespace OciRuntime.IntegrationTests;

/// <summary>runc's published escapes, each as a test that fails on an implementation vulnerable to it.</summary>
public sealed partial class EscapeTests : ContainerTest
{
    [RootFact]
    public void Cve_2019_5736_init_runs_from_a_read_only_mount_or_sealed_copy_never_from_the_writable_host_binary()
    {
        int pid = Pid(CreateSleeper());
        const int F_GET_SEALS = 1034, F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8;
        int exe = Libc.open($"/proc/{pid}/exe", O.PATH | O.CLOEXEC, 0);
        exe.ShouldBeGreaterThanOrEqualTo(0);
        try
        {
            // As root: a detached read-only bind (writes fail with EROFS). Rootless: a sealed memfd copy.
            // The host's binary as installed is on a writable mount and has no seals: both checks fail for it.
            bool readOnlyMount = ReadOnlyMount(exe);
            bool sealedCopy = Libc.fcntl(exe, F_GET_SEALS, 0) == (F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE);
            (readOnlyMount || sealedCopy).ShouldBeTrue("/proc/<init>/exe must not reach a writable ociruntime");
            readOnlyMount.ShouldBeTrue("as root the cheap read-only bind is expected");
        }
        finally
        {
            Libc.close(exe);
        }
    }

    private static unsafe bool ReadOnlyMount(int fd)
    {
        const int ST_RDONLY = 1;
        byte* statvfs = stackalloc byte[112];
        fstatvfs(fd, statvfs).ShouldBe(0);
        return (*(ulong*)(statvfs + 72) & ST_RDONLY) != 0;   // f_flag
    }

    [System.Runtime.InteropServices.LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int fstatvfs(int fd, byte* buffer);

    [RootFact]
    public void Cve_2019_5736_an_exec_process_is_set_up_from_the_sealed_copy_too()
    {
        string id = CreateSleeper();
        Ok("start", id);
        // The exec'd process's own /proc/self/exe is its program; what matters is that nothing inside reaches ours,
        // so look for our binary's inode in every process of the container while an exec is set up and run.
        var host = new FileInfo(RuntimeBinary.Path);
        string seen = Ok("exec", id, "sh", "-c", "for p in /proc/[0-9]*; do readlink $p/exe; done").Stdout;
        seen.ShouldNotContain(host.FullName);
        seen.ShouldNotContain("ociruntime\n");
    }

    [RootFact]
    public void Cve_2024_21626_a_cwd_through_a_leaked_descriptor_never_leaves_the_root()
    {
        for (int fd = 3; fd <= 12; fd++)
        {
            var bundle = NewBundle("sh", "-c", "pwd").Edit(c => c["process"]!["cwd"] = $"/proc/self/fd/{fd}");
            string id = NewId();
            var r = Runtime.Run("run", "-b", bundle.Write(), id);
            if (r.ExitCode == 0)
                r.Stdout.ShouldNotContain("(unreachable)", customMessage: $"cwd /proc/self/fd/{fd}");
            else
                r.Stderr.ShouldContain("/process/cwd", customMessage: $"cwd /proc/self/fd/{fd}: {r}");
            Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
        }
    }

    [RootFact]
    public void Cve_2024_21626_a_preserved_host_directory_is_refused_as_cwd()
    {
        // fd 3 is a host directory handed to the container on purpose (--preserve-fds 1): chdir through it succeeds,
        // and only the check after chdir keeps the process from starting outside its root.
        var bundle = NewBundle("sh", "-c", "pwd; ls").Edit(c => c["process"]!["cwd"] = "/proc/self/fd/3");
        string id = NewId(), output = Path.Combine(StateRoot, "out"), error = Path.Combine(StateRoot, "err");
        var psi = new System.Diagnostics.ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("exec 3</etc; exec \"$0\" \"$@\" >\"$OUT\" 2>\"$ERR\" </dev/null");
        foreach (string a in new[] { RuntimeBinary.Path, "--root", StateRoot, "run", "--preserve-fds", "1", "-b", bundle.Write(), id })
            psi.ArgumentList.Add(a);
        psi.Environment["OUT"] = output;
        psi.Environment["ERR"] = error;
        using var p = System.Diagnostics.Process.Start(psi)!;
        p.WaitForExit(60_000).ShouldBeTrue();

        p.ExitCode.ShouldNotBe(0, File.ReadAllText(output));
        File.ReadAllText(error).ShouldContain("/process/cwd: /proc/self/fd/3 is outside the container's root");
        File.ReadAllText(output).ShouldNotContain("passwd");
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
        HostView.CgroupDirsNamed(id).ShouldBeEmpty();
    }

    [RootFact]
    public void Cve_2025_31133_masking_refuses_a_dev_null_that_is_not_the_null_device()
    {
        // A createContainer hook (in the container's mount namespace, before pivot_root) swaps the container's
        // /dev/null for a symlink to a writable procfs file, as a racing process in a shared /dev could.
        string rootfs = RuntimeBinary.BusyboxRootfs;
        var bundle = NewBundle("true").Edit(c => c["hooks"] = new System.Text.Json.Nodes.JsonObject
        {
            ["createContainer"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["path"] = "/bin/sh",
                ["args"] = new System.Text.Json.Nodes.JsonArray("sh", "-c",
                    $"rm {rootfs}/dev/null && ln -s /proc/sys/kernel/core_pattern {rootfs}/dev/null"),
            }),
        });
        string id = NewId();
        var r = Runtime.Run("run", "-b", bundle.Write(), id);
        r.ExitCode.ShouldNotBe(0, r.ToString());
        r.Stderr.ShouldContain("/dev/null in the container is not the null device");
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
        HostView.CgroupDirsNamed(id).ShouldBeEmpty();
    }

    [RootFact]
    public void Cve_2016_9962_init_is_not_dumpable_until_it_execs_the_users_program()
    {
        // A process of the same uid without CAP_SYS_PTRACE may read a dumpable process's /proc/<pid>/environ, and
        // never a non-dumpable one's: that is the ptrace check a container process would face against our init.
        static bool ReadableWithoutCaps(int pid) => RuntimeBinary.Exec(["cat", $"/proc/{pid}/environ"],
            command: ["setpriv", "--inh-caps=-all", "--ambient-caps=-all", "--bounding-set=-all"]).ExitCode == 0;

        // With no capabilities in the container, capabilities don't decide the check (commoncap wants the reader's
        // permitted set to cover the target's): only dumpability does.
        var noCaps = NewBundle("sleep", "1000").Edit(c => c["process"]!["capabilities"] = new System.Text.Json.Nodes.JsonObject
        {
            ["bounding"] = new System.Text.Json.Nodes.JsonArray(), ["effective"] = new System.Text.Json.Nodes.JsonArray(),
            ["permitted"] = new System.Text.Json.Nodes.JsonArray(),
        });
        string id = CreateSleeper(noCaps);
        int pid = Pid(id);
        ReadableWithoutCaps(pid).ShouldBeFalse("init waiting for start must be non-dumpable");
        Ok("start", id);
        Eventually(() => HostView.Comm(pid) == "sleep", "the user's program to run");
        ReadableWithoutCaps(pid).ShouldBeTrue("the control: once exec'd the process is dumpable again");
    }

    [RootFact]
    public void Cve_2019_16884_procfs_is_not_mounted_through_a_symlinked_proc()
    {
        // An image whose /proc points at a directory of its own: procfs would land there and /proc stay fake.
        string rootfs = Directory.CreateTempSubdirectory("ocirt-fakeproc-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(rootfs, "bin"));
            File.Copy(Path.Combine(RuntimeBinary.BusyboxRootfs, "bin", "busybox"), Path.Combine(rootfs, "bin", "busybox"));
            File.CreateSymbolicLink(Path.Combine(rootfs, "bin", "sh"), "busybox");
            foreach (string dir in new[] { "dev", "sys", "tmp", "fakeproc" }) Directory.CreateDirectory(Path.Combine(rootfs, dir));
            File.CreateSymbolicLink(Path.Combine(rootfs, "proc"), "/fakeproc");

            var bundle = NewBundle("true").Edit(c => c["root"]!["path"] = rootfs);
            string id = NewId();
            var r = Runtime.Run("run", "-b", bundle.Write(), id);
            r.ExitCode.ShouldNotBe(0, r.ToString());
            r.Stderr.ShouldContain("/proc is a symlink (to /fakeproc)");
            r.Stderr.ShouldContain("/mounts/");
            Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
            HostView.CgroupDirsNamed(id).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(rootfs, recursive: true);
        }
    }
}
