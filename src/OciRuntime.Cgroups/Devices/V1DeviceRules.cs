namespace OciRuntime.Cgroups;

/// <summary>
/// Enforces a <see cref="DevicePolicy"/> with the v1 devices controller: writes to devices.deny and
/// devices.allow only the rules that take the cgroup from what devices.list shows to the policy, then checks
/// devices.list against it, as the kernel accepts rules it then ignores (e.g. more than the parent allows).
/// </summary>
internal static class V1DeviceRules
{
    public static void Apply(CgroupTarget target, DevicePolicy policy)
    {
        DevicePolicy current = DevicePolicy.FromList(CgroupFile.TryRead(target.PathOf("devices.list")) ?? "");
        foreach (DeviceRule rule in policy.TransitionFrom(current))
            target.Write(rule.Allow ? "devices.allow" : "devices.deny", rule.CgroupString, ResourcePointers.Devices);

        DevicePolicy after = DevicePolicy.FromList(CgroupFile.TryRead(target.PathOf("devices.list")) ?? "");
        bool matches = after.DefaultAllow == policy.DefaultAllow &&
                       (policy.DefaultAllow || after.Exceptions.SequenceEqual(policy.Exceptions));
        if (!matches)
            throw new CgroupException(ResourcePointers.Devices,
                $"{target.PathOf("devices.list")} does not show the requested rules afterwards (does the parent cgroup allow them?)");
    }
}
