using OciRuntime.Cgroups;
using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Launch;

/// <summary>linux.resources.devices as cgroup device rules, followed by the default rules every container gets.</summary>
public static class DeviceRuleMapping
{
    /// <param name="nodes">linux.devices: a node listed there replaces the default node of that path, and its rule.</param>
    public static IReadOnlyList<DeviceRule> WithDefaults(IReadOnlyList<LinuxDeviceCgroup?>? rules, IReadOnlyList<LinuxDevice?>? nodes)
    {
        var mapped = (rules ?? []).Select((rule, i) => Map(rule!, i)).ToList();
        mapped.AddRange(DefaultDeviceRules.Except((nodes ?? []).Select(n => n?.Path).OfType<string>()));
        return mapped;
    }

    private static DeviceRule Map(LinuxDeviceCgroup rule, int index)
    {
        var kind = rule.Type switch
        {
            null or "" or "a" => DeviceKind.All,
            "c" => DeviceKind.Char,
            "b" => DeviceKind.Block,
            _ => throw new RuntimeError($"/linux/resources/devices/{index}/type: must be one of a, b, c, got \"{rule.Type}\""),
        };
        DeviceAccess access = DeviceRule.ParseAccess(rule.Access ?? "") ?? DeviceAccess.None;
        if (access == DeviceAccess.None)
            throw new RuntimeError($"/linux/resources/devices/{index}/access: must name at least one of r, w, m");
        return new DeviceRule(rule.Allow, kind, rule.Major ?? DeviceRule.Any, rule.Minor ?? DeviceRule.Any, access);
    }
}
