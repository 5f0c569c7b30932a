using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

internal static class VersionRules
{
    public static void Check(RuntimeSpec spec, ProblemList problems)
    {
        if (string.IsNullOrEmpty(spec.OciVersion))
            problems.Add("/ociVersion", "is required");
        else if (!SpecVersion.IsSupported(spec.OciVersion))
            problems.Add("/ociVersion",
                $"unsupported ociVersion \"{spec.OciVersion}\" (supported: {SpecVersion.SupportedRange})");
    }
}
