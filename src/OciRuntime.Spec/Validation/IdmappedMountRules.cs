using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

/// <summary>
/// An idmapped mount (runtime-spec 1.1) is a bind mount seen through a user namespace: its own mappings, given as a
/// uid and gid pair, or with only the idmap/ridmap option the container's user namespace.
/// </summary>
internal static class IdmappedMountRules
{
    public static void Check(RuntimeSpec spec, Mount mount, string pointer, bool bind, ProblemList problems)
    {
        if (!IdmapOptions.IsIdmapped(mount))
            return;

        bool hasUid = mount.UidMappings is { Count: > 0 }, hasGid = mount.GidMappings is { Count: > 0 };
        if (hasUid != hasGid)
            problems.Add($"{pointer}/{(hasUid ? "gidMappings" : "uidMappings")}", "an idmapped mount needs both uidMappings and gidMappings");
        if (!bind)
            problems.Add(IdmapOptions.HasMappings(mount) ? $"{pointer}/{(hasUid ? "uidMappings" : "gidMappings")}" : $"{pointer}/options",
                "only a bind mount can be idmapped (add \"bind\" or \"rbind\" to options)");
        else if (!hasUid && !hasGid && !NamespaceLookup.IsListed(spec, NamespaceTypes.User))
            problems.Add($"{pointer}/options",
                "\"idmap\" without uidMappings/gidMappings maps through the container's user namespace, and /linux/namespaces has no \"user\" entry");
    }
}
