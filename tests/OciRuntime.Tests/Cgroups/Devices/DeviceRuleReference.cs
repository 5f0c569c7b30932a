using OciRuntime.Cgroups;

namespace OciRuntime.Tests.Cgroups.Devices;

/// <summary>
/// The meaning of a rule list, written independently of DevicePolicy: start denying everything, then for each
/// access bit the last rule naming the device and that bit decides ("a" rules name every device). A request
/// for several bits needs each of them allowed.
/// </summary>
internal static class DeviceRuleReference
{
    public static bool Allows(IReadOnlyList<DeviceRule> rules, DeviceKind kind, uint major, uint minor, DeviceAccess access)
    {
        foreach (DeviceAccess bit in new[] { DeviceAccess.Read, DeviceAccess.Write, DeviceAccess.Mknod })
        {
            if (!access.HasFlag(bit)) continue;
            bool allowed = false;
            foreach (DeviceRule rule in rules)
            {
                bool names = rule.Kind == DeviceKind.All ||
                             (rule.Kind == kind && rule.Access.HasFlag(bit) &&
                              (rule.Major == DeviceRule.Any || rule.Major == major) &&
                              (rule.Minor == DeviceRule.Any || rule.Minor == minor));
                if (names) allowed = rule.Allow;
            }
            if (!allowed) return false;
        }
        return true;
    }
}
