using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

internal static class ProcessRules
{
    private static readonly string[] IoPriorityClasses = ["IOPRIO_CLASS_RT", "IOPRIO_CLASS_BE", "IOPRIO_CLASS_IDLE"];

    private static readonly string[] SchedulerPolicies =
        ["SCHED_OTHER", "SCHED_FIFO", "SCHED_RR", "SCHED_BATCH", "SCHED_ISO", "SCHED_IDLE", "SCHED_DEADLINE"];

    public static void Check(RuntimeSpec spec, bool requireProcess, ProblemList problems)
    {
        var process = spec.Process;
        if (process is null)
        {
            if (requireProcess)
                problems.Add("/process", "is required");
            return;
        }

        if (process.Args is not { Count: > 0 })
            problems.Add("/process/args", "must contain at least one element");
        if (!PathText.IsAbsolute(process.Cwd))
            problems.Add("/process/cwd", PathText.MustBeAbsolute);
        CheckEnv(process.Env, problems);
        RlimitRules.Check(process.Rlimits, problems);
        CapabilityRules.Check(process.Capabilities, problems);
        CheckOomScoreAdj(process.OomScoreAdj, problems);
        CheckScheduler(process.Scheduler, problems);
        CheckIoPriority(process.IoPriority, problems);
    }

    private static void CheckEnv(List<string>? env, ProblemList problems)
    {
        for (var i = 0; i < (env?.Count ?? 0); i++)
        {
            if (env![i] is not { } entry || entry.IndexOf('=') <= 0)
                problems.Add($"/process/env/{i}", "must have the form NAME=value");
        }
    }

    private static void CheckOomScoreAdj(int? score, ProblemList problems)
    {
        if (score is < -1000 or > 1000)
            problems.Add("/process/oomScoreAdj", $"must be between -1000 and 1000, got {score}");
    }

    private static void CheckScheduler(Scheduler? scheduler, ProblemList problems)
    {
        if (scheduler is not null && !SchedulerPolicies.Contains(scheduler.Policy))
            problems.Add("/process/scheduler/policy", $"unknown scheduler policy \"{scheduler.Policy}\"");
    }

    private static void CheckIoPriority(IoPriority? priority, ProblemList problems)
    {
        if (priority is null)
            return;
        if (!IoPriorityClasses.Contains(priority.Class))
            problems.Add("/process/ioPriority/class", $"unknown I/O priority class \"{priority.Class}\"");
        if (priority.Priority is < 0 or > 7)
            problems.Add("/process/ioPriority/priority", $"must be between 0 and 7, got {priority.Priority}");
    }
}
