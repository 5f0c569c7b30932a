using System.Globalization;

namespace OciRuntime.Cgroups;

/// <summary>
/// What a list of device rules amounts to, kept the way the v1 devices controller keeps it: a default (allow
/// or deny every device) and exceptions to it, each a (type, major, minor) with the access it flips. A rule
/// naming type "a" resets to a new default; any other rule adds an exception, or removes access from one
/// when it agrees with the default. The later of two rules for the same device and access therefore wins.
/// Like runc, a rule that would punch a hole into a wildcard exception ("allow c *:* rwm" then
/// "deny c 1:3 r") is refused: the kernel would silently ignore it.
/// </summary>
public sealed class DevicePolicy
{
    private readonly Dictionary<(DeviceKind Kind, long Major, long Minor), DeviceAccess> _exceptions = new();

    private DevicePolicy(bool defaultAllow) => DefaultAllow = defaultAllow;

    /// <summary>True when devices no exception names are allowed (a "blacklist" in runc's words).</summary>
    public bool DefaultAllow { get; private set; }

    /// <summary>The exceptions as rules (Allow is the opposite of the default), by major, minor, then type.</summary>
    public IReadOnlyList<DeviceRule> Exceptions =>
        _exceptions.OrderBy(e => e.Key.Major).ThenBy(e => e.Key.Minor).ThenBy(e => e.Key.Kind)
            .Select(e => new DeviceRule(!DefaultAllow, e.Key.Kind, e.Key.Major, e.Key.Minor, e.Value))
            .ToArray();

    /// <summary>Applies the rules in order to a policy that starts denying every device.</summary>
    /// <param name="pointer">The JSON pointer of the rule list; a refused rule is named by its index below it.</param>
    /// <exception cref="CgroupException">A rule would punch a hole into a wildcard exception.</exception>
    public static DevicePolicy Build(IReadOnlyList<DeviceRule> rules, string pointer = ResourcePointers.Devices)
    {
        var policy = new DevicePolicy(defaultAllow: false);
        for (int i = 0; i < rules.Count; i++) policy.Apply(rules[i], $"{pointer}/{i}");
        return policy;
    }

    /// <summary>The policy a v1 cgroup's devices.list shows: "a *:* rwm" for allow-all, else the allowed devices.</summary>
    /// <remarks>In allow-all mode the kernel does not list the deny exceptions, so they can't be known.</remarks>
    public static DevicePolicy FromList(string devicesList)
    {
        var policy = new DevicePolicy(defaultAllow: false);
        foreach (string line in devicesList.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] fields = line.Split([' ', ':'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 4 || fields[0].Length != 1) throw new FormatException($"unexpected devices.list line \"{line}\"");
            var kind = (DeviceKind)fields[0][0];
            if (kind == DeviceKind.All)
            {
                policy.Reset(defaultAllow: true);
                continue;
            }
            DeviceAccess access = DeviceRule.ParseAccess(fields[3]) ?? throw new FormatException($"unexpected access in \"{line}\"");
            policy.Apply(new DeviceRule(true, kind, ParseNumber(fields[1]), ParseNumber(fields[2]), access), pointer: "");
        }
        return policy;
    }

    /// <summary>
    /// The fewest rules that turn <paramref name="current"/> into this policy: a reset when the defaults differ
    /// (or when the current one is allow-all, whose deny exceptions can't be read back), the access this policy
    /// drops from existing exceptions, then the access it adds.
    /// </summary>
    public IReadOnlyList<DeviceRule> TransitionFrom(DevicePolicy current)
    {
        var rules = new List<DeviceRule>();
        IReadOnlyList<DeviceRule> old = current.Exceptions;
        if (current.DefaultAllow || current.DefaultAllow != DefaultAllow)
        {
            rules.Add(new DeviceRule(DefaultAllow, DeviceKind.All, DeviceRule.Any, DeviceRule.Any, DeviceAccess.All));
            old = [];
        }
        var oldAccess = old.ToDictionary(r => (r.Kind, r.Major, r.Minor), r => r.Access);
        foreach (DeviceRule rule in old)
        {
            DeviceAccess dropped = rule.Access & ~_exceptions.GetValueOrDefault((rule.Kind, rule.Major, rule.Minor));
            if (dropped != DeviceAccess.None) rules.Add(rule with { Allow = DefaultAllow, Access = dropped });
        }
        foreach (DeviceRule rule in Exceptions)
        {
            DeviceAccess gained = rule.Access & ~oldAccess.GetValueOrDefault((rule.Kind, rule.Major, rule.Minor));
            if (gained != DeviceAccess.None) rules.Add(rule with { Access = gained });
        }
        return rules;
    }

    private void Apply(DeviceRule rule, string pointer)
    {
        if (rule.Kind == DeviceKind.All)
        {
            Reset(rule.Allow);
            return;
        }
        var key = (rule.Kind, rule.Major, rule.Minor);
        if (rule.Allow != DefaultAllow)
        {
            _exceptions[key] = _exceptions.GetValueOrDefault(key) | rule.Access;
            return;
        }

        foreach (var wider in new[] { (rule.Kind, DeviceRule.Any, rule.Minor), (rule.Kind, rule.Major, DeviceRule.Any), (rule.Kind, DeviceRule.Any, DeviceRule.Any) })
        {
            if (wider == key || (_exceptions.GetValueOrDefault(wider) & rule.Access) == DeviceAccess.None) continue;
            var widerRule = new DeviceRule(!DefaultAllow, wider.Item1, wider.Item2, wider.Item3, _exceptions[wider]);
            throw new CgroupException(pointer,
                $"\"{Verb(rule.Allow)} {rule.CgroupString}\" would punch a hole into the earlier wildcard rule " +
                $"\"{Verb(widerRule.Allow)} {widerRule.CgroupString}\", which the devices cgroup can't express");
        }
        DeviceAccess left = _exceptions.GetValueOrDefault(key) & ~rule.Access;
        if (left == DeviceAccess.None) _exceptions.Remove(key);
        else _exceptions[key] = left;
    }

    private void Reset(bool defaultAllow)
    {
        DefaultAllow = defaultAllow;
        _exceptions.Clear();
    }

    private static string Verb(bool allow) => allow ? "allow" : "deny";

    private static long ParseNumber(string text) =>
        text == "*" ? DeviceRule.Any : long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
