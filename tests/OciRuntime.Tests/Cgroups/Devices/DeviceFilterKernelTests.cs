using System.Diagnostics;
using OciRuntime.Cgroups;
using OciRuntime.Linux;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Cgroups.Devices;

/// <summary>
/// Loads the generated device filter into the real kernel (its verifier checks the program) and attaches it to a
/// cgroup2 directory, then opens devices from a process in that cgroup. The BPF hook runs on cgroup2 directories
/// whichever controllers the hierarchy has, so this works on hybrid hosts too.
/// </summary>
public class DeviceFilterKernelTests
{
    private static string? Cgroup2Mount() =>
        MountInfo.ReadSelf().FirstOrDefault(m => m.FsType == "cgroup2")?.MountPoint;

    [RootCgroupFact]
    public void The_default_rules_let_a_process_open_dev_null_but_not_dev_kmsg_and_an_update_replaces_the_program()
    {
        string mount = Cgroup2Mount() ?? throw new InvalidOperationException("no cgroup2 mount");
        string directory = Path.Combine(mount, TestCgroup.UniqueName());
        Directory.CreateDirectory(directory);
        try
        {
            DeviceRule[] defaults = [new(false, DeviceKind.All, -1, -1, DeviceAccess.All), .. DefaultDeviceRules.All.Select(d => d.Rule)];
            DeviceFilterAttacher.Replace(directory, DeviceFilterProgram.Generate(DevicePolicy.Build(defaults)));
            AttachedCount(directory).ShouldBe(1);

            string output = RunIn(directory, "head -c1 /dev/null && echo null-ok; head -c1 /dev/kmsg >/dev/null || echo kmsg-denied");
            output.ShouldContain("null-ok");
            output.ShouldContain("kmsg-denied");
            output.ShouldContain("Operation not permitted");

            DeviceRule[] kmsgToo = [.. defaults, new(true, DeviceKind.Char, 1, 11, DeviceAccess.Read)];
            DeviceFilterAttacher.Replace(directory, DeviceFilterProgram.Generate(DevicePolicy.Build(kmsgToo)));
            AttachedCount(directory).ShouldBe(1);
            RunIn(directory, "timeout 1 head -c1 /dev/kmsg >/dev/null; echo status=$?").ShouldNotContain("Operation not permitted");
        }
        finally
        {
            Native.rmdir(directory);
        }
    }

    private static int AttachedCount(string directory)
    {
        int fd = Libc.open(directory, O.RDONLY | O.DIRECTORY | O.CLOEXEC, 0);
        try { return DeviceFilterAttacher.AttachedPrograms(fd, directory).Length; }
        finally { Libc.close(fd); }
    }

    /// <summary>Runs the script in a shell that first moves itself into the cgroup; stdout and stderr together.</summary>
    private static string RunIn(string directory, string script)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"echo $$ > {directory}/cgroup.procs && ({script}) 2>&1");
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
