using System.Globalization;
using System.Text;

namespace OciRuntime.Cgroups;

/// <summary>The device types a cgroup rule can name; the characters are those of devices.allow / devices.list.</summary>
public enum DeviceKind
{
    All = 'a',
    Char = 'c',
    Block = 'b',
}

/// <summary>Device access bits; the values are the kernel's BPF_DEVCG_ACC_* bits.</summary>
[Flags]
public enum DeviceAccess
{
    None = 0,
    Mknod = 1,
    Read = 2,
    Write = 4,
    All = Mknod | Read | Write,
}

/// <summary>One device cgroup rule, e.g. "allow c 1:3 rwm". <see cref="Any"/> as major or minor is the "*" wildcard.</summary>
public sealed record DeviceRule(bool Allow, DeviceKind Kind, long Major, long Minor, DeviceAccess Access)
{
    public const long Any = -1;

    /// <summary>The rule as devices.allow / devices.deny take it: "c 1:3 rwm", "c 136:* rw", "a *:* rwm".</summary>
    public string CgroupString => $"{(char)Kind} {Number(Major)}:{Number(Minor)} {AccessString(Access)}";

    public static string AccessString(DeviceAccess access)
    {
        var text = new StringBuilder(3);
        if (access.HasFlag(DeviceAccess.Read)) text.Append('r');
        if (access.HasFlag(DeviceAccess.Write)) text.Append('w');
        if (access.HasFlag(DeviceAccess.Mknod)) text.Append('m');
        return text.ToString();
    }

    /// <returns>The bits of "rwm"-style text, or null when it holds another character.</returns>
    public static DeviceAccess? ParseAccess(string text)
    {
        var access = DeviceAccess.None;
        foreach (char c in text)
        {
            switch (c)
            {
                case 'r': access |= DeviceAccess.Read; break;
                case 'w': access |= DeviceAccess.Write; break;
                case 'm': access |= DeviceAccess.Mknod; break;
                default: return null;
            }
        }
        return access;
    }

    private static string Number(long value) => value == Any ? "*" : value.ToString(CultureInfo.InvariantCulture);
}
