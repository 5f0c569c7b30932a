using System.Globalization;

namespace OciRuntime.Cgroups;

/// <summary>pids.max, the same file on v1 and v2.</summary>
internal static class PidsLimit
{
    /// <param name="limit">Negative for unlimited; 0 means unset, as in runc.</param>
    public static void Apply(CgroupTarget target, long limit)
    {
        if (limit == 0) return;
        string value = limit < 0 ? "max" : limit.ToString(CultureInfo.InvariantCulture);
        target.Write("pids.max", value, ResourcePointers.PidsLimit);
    }
}
