using OciRuntime.Spec.Model;
using OciRuntime.Spec.Validation;

namespace OciRuntime.Spec;

/// <summary>Checks a config beyond what its JSON types enforce; every problem names the JSON pointer at fault.</summary>
public static class SpecValidator
{
    /// <summary>Throws the first problem found, if any.</summary>
    /// <param name="requireProcess">false for configs that need no process (e.g. checked outside create/run).</param>
    public static void Validate(RuntimeSpec spec, bool requireProcess = true)
    {
        var problems = FindProblems(spec, requireProcess);
        if (problems.Count > 0)
            throw problems[0];
    }

    public static IReadOnlyList<SpecException> FindProblems(RuntimeSpec spec, bool requireProcess = true)
    {
        var problems = new ProblemList();
        VersionRules.Check(spec, problems);
        RootRules.Check(spec, problems);
        ProcessRules.Check(spec, requireProcess, problems);
        NamespaceRequirementRules.Check(spec, problems);
        SysctlRules.Check(spec, problems);
        MountRules.Check(spec, problems);
        HookRules.Check(spec, problems);
        IdMappingRules.Check(spec, problems);
        NamespaceRules.Check(spec, problems);
        ResourceRules.Check(spec, problems);
        LinuxPathRules.Check(spec, problems);
        SeccompRules.Check(spec, problems);
        DeviceRules.Check(spec, problems);
        NetDeviceRules.Check(spec, problems);
        return problems.Items;
    }
}
