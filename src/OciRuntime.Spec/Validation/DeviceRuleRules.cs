using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

/// <summary>Rules of the devices cgroup (linux.resources.devices).</summary>
internal static class DeviceRuleRules
{
    public static void Check(List<LinuxDeviceCgroup>? rules, string pointer, ProblemList problems)
    {
        for (var i = 0; i < (rules?.Count ?? 0); i++)
        {
            if (rules![i] is not { } rule)
            {
                problems.Add($"{pointer}/{i}", "must be an object");
                continue;
            }

            if (rule.Type is not (null or "" or "a" or "b" or "c"))
                problems.Add($"{pointer}/{i}/type", $"must be one of a, b, c, got \"{rule.Type}\"");
            if (string.IsNullOrEmpty(rule.Access))
                problems.Add($"{pointer}/{i}/access", "must name at least one of r, w and m");
            else if (rule.Access is { } access && access.Any(c => c is not ('r' or 'w' or 'm')))
                problems.Add($"{pointer}/{i}/access", $"may contain only r, w and m, got \"{access}\"");
        }
    }
}
