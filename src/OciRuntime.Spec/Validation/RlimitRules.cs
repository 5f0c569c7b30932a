using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

internal static class RlimitRules
{
    public static void Check(List<PosixRlimit>? rlimits, ProblemList problems)
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < (rlimits?.Count ?? 0); i++)
        {
            var pointer = $"/process/rlimits/{i}";
            if (rlimits![i] is not { } rlimit)
            {
                problems.Add(pointer, "must be an object");
                continue;
            }

            if (!RlimitNames.IsKnown(rlimit.Type))
                problems.Add($"{pointer}/type", $"unknown rlimit type \"{rlimit.Type}\"");
            else if (!seen.Add(rlimit.Type!))
                problems.Add($"{pointer}/type", $"duplicate rlimit type \"{rlimit.Type}\"");

            if (rlimit.Soft > rlimit.Hard)
                problems.Add($"{pointer}/soft", $"soft limit {rlimit.Soft} exceeds hard limit {rlimit.Hard}");
        }
    }
}
