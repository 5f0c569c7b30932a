using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

internal static class ProcessRules
{
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
        CheckExecCpuAffinity(process.ExecCpuAffinity, problems);
        CheckPersonality(spec.Linux?.Personality, problems);
    }

    /// <summary>The execution domain is part of how the process runs, though the spec keeps it under /linux.</summary>
    private static void CheckPersonality(LinuxPersonality? personality, ProblemList problems)
    {
        if (personality is not null && (personality.Domain is null || !ProcessAttributeNames.PersonalityDomains.ContainsKey(personality.Domain)))
            problems.Add("/linux/personality/domain", $"unknown execution domain \"{personality.Domain}\" (LINUX or LINUX32)");
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
        if (scheduler is null)
            return;
        if (!ProcessAttributeNames.SchedulerPolicies.Contains(scheduler.Policy))
            problems.Add("/process/scheduler/policy", $"unknown scheduler policy \"{scheduler.Policy}\"");
        if (scheduler.Nice is < -20 or > 19)
            problems.Add("/process/scheduler/nice", $"must be between -20 and 19, got {scheduler.Nice}");
        for (var i = 0; i < (scheduler.Flags?.Count ?? 0); i++)
        {
            if (!ProcessAttributeNames.SchedulerFlags.Contains(scheduler.Flags![i]))
                problems.Add($"/process/scheduler/flags/{i}", $"unknown scheduler flag \"{scheduler.Flags[i]}\"");
        }
    }

    private static void CheckExecCpuAffinity(ExecCpuAffinity? affinity, ProblemList problems)
    {
        if (affinity?.Initial is { } initial && CpuList.Parse(initial) is null)
            problems.Add("/process/execCPUAffinity/initial", $"\"{initial}\" is not a CPU list such as \"0-3,7\"");
        if (affinity?.Final is { } final && CpuList.Parse(final) is null)
            problems.Add("/process/execCPUAffinity/final", $"\"{final}\" is not a CPU list such as \"0-3,7\"");
    }

    private static void CheckIoPriority(IoPriority? priority, ProblemList problems)
    {
        if (priority is null)
            return;
        if (priority.Class is null || !ProcessAttributeNames.IoPriorityClasses.Contains(priority.Class))
            problems.Add("/process/ioPriority/class", $"unknown I/O priority class \"{priority.Class}\"");
        if (priority.Priority is < 0 or > 7)
            problems.Add("/process/ioPriority/priority", $"must be between 0 and 7, got {priority.Priority}");
    }
}
