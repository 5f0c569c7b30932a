using OciRuntime.Spec.Model;

namespace OciRuntime.Spec;

/// <summary>
/// When a mount is idmapped (runtime-spec 1.1): it gives uidMappings/gidMappings, or the "idmap" option (top mount
/// only) or "ridmap" (every mount of an rbind); without mappings it takes the container's own user namespace.
/// </summary>
public static class IdmapOptions
{
    public const string Idmap = "idmap", RecursiveIdmap = "ridmap";

    public static bool HasMappings(Mount mount) => mount.UidMappings is { Count: > 0 } || mount.GidMappings is { Count: > 0 };

    public static bool HasOption(Mount mount) => mount.Options?.Any(o => o is Idmap or RecursiveIdmap) == true;

    public static bool IsIdmapped(Mount mount) => HasMappings(mount) || HasOption(mount);

    public static bool IsRecursiveIdmap(Mount mount) => mount.Options?.Contains(RecursiveIdmap) == true;

    /// <summary>An rbind clones the whole tree under the source, not only its top mount.</summary>
    public static bool ClonesTree(Mount mount) => mount.Options?.Contains("rbind") == true;
}
