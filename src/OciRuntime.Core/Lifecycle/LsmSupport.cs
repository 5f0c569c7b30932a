using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// Which Linux security modules this host runs. As runc, a process label for an LSM that is off is an error rather
/// than a container silently running unconfined.
/// </summary>
public static class LsmSupport
{
    public static bool AppArmorEnabled()
    {
        try { return File.ReadAllText("/sys/module/apparmor/parameters/enabled").StartsWith('Y'); }
        catch (IOException) { return false; }
    }

    public static bool SelinuxEnabled() => File.Exists("/sys/fs/selinux/enforce");

    public static void Check(Process? process)
    {
        if (!string.IsNullOrEmpty(process?.ApparmorProfile) && !AppArmorEnabled())
            throw new RuntimeError($"/process/apparmorProfile: AppArmor is not enabled on this host, so profile \"{process.ApparmorProfile}\" can't be applied");
        if (!string.IsNullOrEmpty(process?.SelinuxLabel) && !SelinuxEnabled())
            throw new RuntimeError($"/process/selinuxLabel: SELinux is not enabled on this host, so label \"{process.SelinuxLabel}\" can't be applied");
    }
}
