using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

internal static class LinuxPathRules
{
    public static void Check(RuntimeSpec spec, ProblemList problems)
    {
        var linux = spec.Linux;
        if (linux is null)
            return;

        if (linux.CgroupsPath is { } cgroupsPath && cgroupsPath.Split('/', ':').Contains(".."))
            problems.Add("/linux/cgroupsPath", "must not contain \"..\" components");

        if (!RootfsPropagations.IsKnown(linux.RootfsPropagation))
            problems.Add("/linux/rootfsPropagation",
                $"unknown propagation \"{linux.RootfsPropagation}\" (expected one of {string.Join(", ", RootfsPropagations.All.Skip(1))})");
    }
}
