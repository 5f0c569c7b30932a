namespace OciRuntime.Cgroups;

/// <summary>
/// Names of the keys of <see cref="ICgroupManager.Paths"/>: a v1 resource controller's own name
/// ("memory", "cpu", "cpuacct", ...), "name=&lt;name&gt;" for a named v1 hierarchy such as
/// "name=systemd", and <see cref="Unified"/> for the cgroup2 directory.
/// </summary>
public static class CgroupPathKeys
{
    public const string Unified = "unified";

    private const string NamePrefix = "name=";

    public static string Named(string hierarchyName) => NamePrefix + hierarchyName;

    public static bool IsNamed(string key) => key.StartsWith(NamePrefix, StringComparison.Ordinal);
}
