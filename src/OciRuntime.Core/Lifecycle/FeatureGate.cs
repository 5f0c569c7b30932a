using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// Refuses configs that ask for what this build can't do yet, naming the field, instead of silently running a
/// container with less isolation than asked for. Shrinks as features land; `features` reports the same gaps.
/// </summary>
public static class FeatureGate
{
    public static void Check(RuntimeSpec spec)
    {
        string? field = FirstUnsupported(spec);
        if (field is not null) throw new RuntimeError($"{field}: not supported by this version of ociruntime yet");
    }

    private static string? FirstUnsupported(RuntimeSpec spec)
    {
        var process = spec.Process;
        var linux = spec.Linux;
        var resources = linux?.Resources;
        var memory = resources?.Memory;
        var cpu = resources?.Cpu;
        (bool Asked, string Field)[] checks =
        [
            (!string.IsNullOrEmpty(process?.ApparmorProfile) && AppArmorEnabled(), "/process/apparmorProfile"),
            (process?.Scheduler is not null, "/process/scheduler"),
            (process?.IoPriority is not null, "/process/ioPriority"),
            (process?.ExecCpuAffinity is not null, "/process/execCPUAffinity"),
            (linux?.Seccomp is not null, "/linux/seccomp"),
            (!string.IsNullOrEmpty(linux?.MountLabel) && SelinuxEnabled(), "/linux/mountLabel"),
            (linux?.NetDevices is { Count: > 0 }, "/linux/netDevices"),
            (linux?.IntelRdt is not null, "/linux/intelRdt"),
            (linux?.Personality is not null, "/linux/personality"),
            (linux?.MemoryPolicy is not null, "/linux/memoryPolicy"),
            (spec.Mounts?.Any(m => m.UidMappings is { Count: > 0 } || m.GidMappings is { Count: > 0 }) == true, "/mounts (uidMappings, gidMappings)"),
            (memory?.Reservation is not null || memory?.Kernel is not null || memory?.KernelTcp is not null ||
             memory?.Swappiness is not null || memory?.DisableOomKiller == true, "/linux/resources/memory"),
            (cpu?.Burst is not null || cpu?.RealtimeRuntime is not null || cpu?.RealtimePeriod is not null || cpu?.Idle is not null,
                "/linux/resources/cpu"),
            (resources?.BlockIO is not null, "/linux/resources/blockIO"),
            (resources?.HugepageLimits is { Count: > 0 }, "/linux/resources/hugepageLimits"),
            (resources?.Network is not null, "/linux/resources/network"),
            (resources?.Rdma is { Count: > 0 }, "/linux/resources/rdma"),
            (resources?.Unified is { Count: > 0 }, "/linux/resources/unified"),
        ];
        return checks.FirstOrDefault(c => c.Asked).Field;
    }

    /// <summary>Like runc, a mount label only matters where SELinux is enabled (selinuxfs mounted); elsewhere it is ignored.</summary>
    private static bool SelinuxEnabled() => File.Exists("/sys/fs/selinux/enforce");

    /// <summary>Like runc, an AppArmor profile is only an error where AppArmor is enabled; elsewhere it is ignored.</summary>
    private static bool AppArmorEnabled()
    {
        try { return File.ReadAllText("/sys/module/apparmor/parameters/enabled").StartsWith('Y'); }
        catch (IOException) { return false; }
    }
}
