using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

/// <summary>Settings that only make sense inside a namespace the runtime creates.</summary>
internal static class NamespaceRequirementRules
{
    public static void Check(RuntimeSpec spec, ProblemList problems)
    {
        var newUts = NamespaceLookup.IsCreated(spec, NamespaceTypes.Uts);
        if (!string.IsNullOrEmpty(spec.Hostname) && !newUts)
            problems.Add("/hostname", "setting the hostname requires a new UTS namespace");
        if (!string.IsNullOrEmpty(spec.Domainname) && !newUts)
            problems.Add("/domainname", "setting the domainname requires a new UTS namespace");

        if (spec.Linux?.TimeOffsets is { Count: > 0 } && !NamespaceLookup.IsCreated(spec, NamespaceTypes.Time))
            problems.Add("/linux/timeOffsets", "time offsets require a new time namespace");
    }
}
