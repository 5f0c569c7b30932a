namespace OciRuntime.Linux.Seccomp;

/// <summary>seccomp(SECCOMP_SET_MODE_FILTER) flags (linux/seccomp.h).</summary>
public static class SeccompFilterFlags
{
    public const uint Tsync = 1, Log = 2, SpecAllow = 4, NewListener = 8, TsyncEsrch = 16, WaitKillableRecv = 32;

    /// <summary>Null for a name the kernel header doesn't define.</summary>
    public static uint? From(string name) => name switch
    {
        "SECCOMP_FILTER_FLAG_TSYNC" => Tsync,
        "SECCOMP_FILTER_FLAG_LOG" => Log,
        "SECCOMP_FILTER_FLAG_SPEC_ALLOW" => SpecAllow,
        "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV" => WaitKillableRecv,
        _ => null,
    };
}
