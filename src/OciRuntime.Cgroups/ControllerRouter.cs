namespace OciRuntime.Cgroups;

/// <summary>
/// Finds the hierarchy that holds a controller: a v1 hierarchy bound to it first (on hybrid hosts the
/// kernel gives a controller to v1 once any v1 hierarchy claims it), else cgroup2 when its root lists it.
/// </summary>
internal static class ControllerRouter
{
    public static CgroupTarget? Find(IReadOnlyList<CgroupTarget> targets, string controller)
    {
        CgroupTarget? v1 = targets.FirstOrDefault(t => !t.IsUnified && t.V1Controllers.Contains(controller));
        if (v1 is not null) return v1;

        CgroupTarget? unified = targets.FirstOrDefault(t => t.IsUnified);
        return unified is not null && CgroupFile.ListContains(Path.Combine(unified.MountPoint, "cgroup.controllers"), controller)
            ? unified
            : null;
    }

    /// <exception cref="CgroupException">No hierarchy on this host has the controller.</exception>
    public static CgroupTarget Require(IReadOnlyList<CgroupTarget> targets, string controller, string pointer) =>
        Find(targets, controller)
        ?? throw new CgroupException(pointer, $"the {controller} cgroup controller is not available on this host");
}
