using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

internal static class CapabilityRules
{
    public static void Check(LinuxCapabilities? capabilities, ProblemList problems)
    {
        if (capabilities is null)
            return;
        CheckSet("bounding", capabilities.Bounding, problems);
        CheckSet("effective", capabilities.Effective, problems);
        CheckSet("inheritable", capabilities.Inheritable, problems);
        CheckSet("permitted", capabilities.Permitted, problems);
        CheckSet("ambient", capabilities.Ambient, problems);
    }

    private static void CheckSet(string setName, List<string>? names, ProblemList problems)
    {
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            if (!CapabilityNames.IsKnown(names![i]))
                problems.Add($"/process/capabilities/{setName}/{i}", $"unknown capability \"{names[i]}\"");
        }
    }
}
