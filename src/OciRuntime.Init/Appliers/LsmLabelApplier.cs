using OciRuntime.Init.Mounts;
using OciRuntime.Linux;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init.Appliers;

/// <summary>
/// The process's AppArmor profile and SELinux label, written to this thread's attr/exec files so the kernel applies
/// them at the next execve. Done on the thread that execs, through a /proc confirmed to be procfs (CVE-2019-16884
/// was this very write landing in a fake /proc). `create` has already refused a label whose LSM is off.
/// </summary>
public static class LsmLabelApplier
{
    private const int SYS_gettid = 186;

    public static void Apply(Process process)
    {
        string? profile = process.ApparmorProfile, label = process.SelinuxLabel;
        if (string.IsNullOrEmpty(profile) && string.IsNullOrEmpty(label)) return;
        using var proc = VerifiedProcfs.Open(string.IsNullOrEmpty(profile) ? "/process/selinuxLabel" : "/process/apparmorProfile");
        string task = $"{Environment.ProcessId}/task/{Libc.syscall(SYS_gettid, 0, 0, 0, 0, 0)}/attr";
        if (!string.IsNullOrEmpty(profile))
        {
            // Kernels with LSM stacking have a per-LSM directory; older ones only the shared attr/exec.
            string file = proc.Exists($"{task}/apparmor/exec") ? $"{task}/apparmor/exec" : $"{task}/exec";
            proc.Write(file, $"exec {profile}", "/process/apparmorProfile");
        }
        if (!string.IsNullOrEmpty(label)) proc.Write($"{task}/exec", label, "/process/selinuxLabel");
    }
}
