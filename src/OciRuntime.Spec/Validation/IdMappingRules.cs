using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

internal static class IdMappingRules
{
    private const string UidPointer = "/linux/uidMappings";
    private const string GidPointer = "/linux/gidMappings";

    public static void Check(RuntimeSpec spec, ProblemList problems)
    {
        var linux = spec.Linux;
        if (linux is null)
            return;

        var hasUid = linux.UidMappings is { Count: > 0 };
        var hasGid = linux.GidMappings is { Count: > 0 };
        if ((hasUid || hasGid) && !NamespaceLookup.IsListed(spec, NamespaceTypes.User))
            problems.Add(hasUid ? UidPointer : GidPointer,
                "mappings require a user namespace (no \"user\" entry in /linux/namespaces)");
        else if (NamespaceLookup.IsCreated(spec, NamespaceTypes.User) && !(hasUid && hasGid))
            problems.Add(hasUid ? GidPointer : UidPointer, "a new user namespace needs uidMappings and gidMappings");

        CheckSizes(linux.UidMappings, UidPointer, problems);
        CheckSizes(linux.GidMappings, GidPointer, problems);
    }

    public static void CheckSizes(List<IdMapping>? mappings, string pointer, ProblemList problems)
    {
        for (var i = 0; i < (mappings?.Count ?? 0); i++)
        {
            if (mappings![i] is null)
                problems.Add($"{pointer}/{i}", "must be an object");
            else if (mappings[i].Size == 0)
                problems.Add($"{pointer}/{i}/size", "must be greater than zero");
        }
    }
}
