namespace OciRuntime.Linux.Seccomp;

/// <summary>The kernel's SECCOMP_RET_* values for the runtime-spec action names (what libseccomp's SCMP_ACT_* expand to).</summary>
public static class SeccompActionCodes
{
    public const uint KillThread = 0x00000000, KillProcess = 0x80000000, Trap = 0x00030000, Errno = 0x00050000,
        Notify = 0x7fc00000, Trace = 0x7ff00000, Log = 0x7ffc0000, Allow = 0x7fff0000;

    private const uint DataMask = 0xffff;
    private const uint DefaultReturn = 1; // EPERM, as runc returns when errnoRet is absent

    /// <summary>Null for a name that isn't an action. ERRNO and TRACE carry <paramref name="errnoRet"/> (EPERM if absent).</summary>
    public static uint? From(string? action, uint? errnoRet) => action switch
    {
        "SCMP_ACT_KILL" or "SCMP_ACT_KILL_THREAD" => KillThread,
        "SCMP_ACT_KILL_PROCESS" => KillProcess,
        "SCMP_ACT_TRAP" => Trap,
        "SCMP_ACT_ERRNO" => Errno | ((errnoRet ?? DefaultReturn) & DataMask),
        "SCMP_ACT_TRACE" => Trace | ((errnoRet ?? DefaultReturn) & DataMask),
        "SCMP_ACT_ALLOW" => Allow,
        "SCMP_ACT_LOG" => Log,
        "SCMP_ACT_NOTIFY" => Notify,
        _ => null,
    };

    /// <summary>Actions that let a syscall the profile never named run: no ENOSYS stub is needed in front of them.</summary>
    public static bool LetsThrough(uint action) => action is Allow or Log;
}
