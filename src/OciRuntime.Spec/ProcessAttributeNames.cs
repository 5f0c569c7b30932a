namespace OciRuntime.Spec;

/// <summary>The kernel numbers behind the spec's names for scheduler policies and flags, I/O priority classes and
/// execution domains, shared by validation and the init that applies them.</summary>
public static class ProcessAttributeNames
{
    /// <summary>Index = SCHED_* policy number.</summary>
    public static readonly string[] SchedulerPolicies =
        ["SCHED_OTHER", "SCHED_FIFO", "SCHED_RR", "SCHED_BATCH", "SCHED_ISO", "SCHED_IDLE", "SCHED_DEADLINE"];

    /// <summary>Index = bit number of SCHED_FLAG_*.</summary>
    public static readonly string[] SchedulerFlags =
    [
        "SCHED_FLAG_RESET_ON_FORK", "SCHED_FLAG_RECLAIM", "SCHED_FLAG_DL_OVERRUN", "SCHED_FLAG_KEEP_POLICY",
        "SCHED_FLAG_KEEP_PARAMS", "SCHED_FLAG_UTIL_CLAMP_MIN", "SCHED_FLAG_UTIL_CLAMP_MAX",
    ];

    /// <summary>Index = IOPRIO_CLASS_* number (0 is IOPRIO_CLASS_NONE, which the spec doesn't name).</summary>
    public static readonly string?[] IoPriorityClasses = [null, "IOPRIO_CLASS_RT", "IOPRIO_CLASS_BE", "IOPRIO_CLASS_IDLE"];

    /// <summary>The execution domains the spec names, with their PER_* values.</summary>
    public static readonly IReadOnlyDictionary<string, uint> PersonalityDomains =
        new Dictionary<string, uint> { ["LINUX"] = 0x0000, ["LINUX32"] = 0x0008 };
}
