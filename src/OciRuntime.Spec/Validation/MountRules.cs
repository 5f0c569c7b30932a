using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

internal static class MountRules
{
    public static void Check(RuntimeSpec spec, ProblemList problems)
    {
        var mounts = spec.Mounts;
        for (var i = 0; i < (mounts?.Count ?? 0); i++)
        {
            var pointer = $"/mounts/{i}";
            if (mounts![i] is not { } mount)
            {
                problems.Add(pointer, "must be an object");
                continue;
            }

            if (string.IsNullOrEmpty(mount.Destination))
                problems.Add($"{pointer}/destination", "is required");
            else if (!PathText.IsAbsolute(mount.Destination))
                // runc only warns and resolves it from "/"; the runtime-spec (1.0+) says it MUST be absolute.
                problems.Add($"{pointer}/destination", $"{PathText.MustBeAbsolute} (runtime-spec), got \"{mount.Destination}\"");

            if (string.IsNullOrEmpty(mount.Type) && !IsBind(mount))
                problems.Add($"{pointer}/type", "is required unless options contain \"bind\" or \"rbind\"");
            else if (IsBind(mount) && mount.Type is { Length: > 0 } type && type is not ("bind" or "none"))
                problems.Add($"{pointer}/type", $"\"{type}\" conflicts with the bind option: a bind mount has no filesystem type (use \"bind\" or \"none\")");

            IdMappingRules.CheckSizes(mount.UidMappings, $"{pointer}/uidMappings", problems);
            IdMappingRules.CheckSizes(mount.GidMappings, $"{pointer}/gidMappings", problems);
            IdmappedMountRules.Check(spec, mount, pointer, IsBind(mount) || mount.Type == "bind", problems);
        }
    }

    private static bool IsBind(Mount mount) =>
        mount.Options?.Any(option => option is "bind" or "rbind") == true;
}
