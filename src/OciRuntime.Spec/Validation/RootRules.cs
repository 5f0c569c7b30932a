using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

internal static class RootRules
{
    public static void Check(RuntimeSpec spec, ProblemList problems)
    {
        if (spec.Root is null)
            problems.Add("/root", "is required");
        else if (string.IsNullOrEmpty(spec.Root.Path))
            problems.Add("/root/path", "is required");
    }
}
