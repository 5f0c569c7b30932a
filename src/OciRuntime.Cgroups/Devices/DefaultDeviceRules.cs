namespace OciRuntime.Cgroups;

/// <summary>
/// The devices every container may use, appended after the config's own rules as runc does: mknod of any
/// node, the standard character devices, ptys and tun/tap.
/// </summary>
public static class DefaultDeviceRules
{
    /// <summary>The rules, each with the /dev path it serves (null for rules that serve no single node).</summary>
    public static readonly IReadOnlyList<(string? Path, DeviceRule Rule)> All =
    [
        (null, new DeviceRule(true, DeviceKind.Char, DeviceRule.Any, DeviceRule.Any, DeviceAccess.Mknod)),
        (null, new DeviceRule(true, DeviceKind.Block, DeviceRule.Any, DeviceRule.Any, DeviceAccess.Mknod)),
        ("/dev/null", Node(1, 3)),
        ("/dev/random", Node(1, 8)),
        ("/dev/full", Node(1, 7)),
        ("/dev/tty", Node(5, 0)),
        ("/dev/zero", Node(1, 5)),
        ("/dev/urandom", Node(1, 9)),
        (null, new DeviceRule(true, DeviceKind.Char, 136, DeviceRule.Any, DeviceAccess.All)), // /dev/pts/*
        (null, Node(5, 2)), // /dev/ptmx
        (null, Node(10, 200)), // /dev/net/tun
    ];

    /// <summary>
    /// The default rules, less those for a path the config lists in linux.devices: the config's node takes
    /// that path, and its access is then up to the config's rules.
    /// </summary>
    public static IEnumerable<DeviceRule> Except(IEnumerable<string> configuredPaths)
    {
        var taken = configuredPaths.ToHashSet(StringComparer.Ordinal);
        return All.Where(d => d.Path is null || !taken.Contains(d.Path)).Select(d => d.Rule);
    }

    private static DeviceRule Node(long major, long minor) => new(true, DeviceKind.Char, major, minor, DeviceAccess.All);
}
