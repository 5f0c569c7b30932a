using System.Globalization;
using OciRuntime.Linux;

namespace OciRuntime.Cgroups;

/// <summary>
/// cpu.shares / cpu.cfs_quota_us / cpu.cfs_period_us on v1, cpu.weight / cpu.max on v2.
/// Zero shares, quota or period mean unset, as in runc.
/// </summary>
internal static class CpuLimits
{
    public static void Apply(CgroupTarget target, long? shares, long? quota, ulong? period)
    {
        if (shares is 0) shares = null;
        if (quota is 0) quota = null;
        if (period is 0) period = null;

        if (target.IsUnified) ApplyV2(target, shares, quota, period);
        else ApplyV1(target, shares, quota, period);
    }

    private static void ApplyV1(CgroupTarget target, long? shares, long? quota, ulong? period)
    {
        if (shares is not null) target.Write("cpu.shares", Number(shares.Value), ResourcePointers.CpuShares);

        if (period is not null)
        {
            string periodValue = period.Value.ToString(CultureInfo.InvariantCulture);
            int errno = CgroupFile.TryWrite(target.PathOf("cpu.cfs_period_us"), periodValue);
            // The kernel checks the existing quota against a new period; with both changing, the other order may fit.
            if (errno == Errno.EINVAL && quota is not null)
            {
                target.Write("cpu.cfs_quota_us", Number(quota.Value), ResourcePointers.CpuQuota);
                target.Write("cpu.cfs_period_us", periodValue, ResourcePointers.CpuPeriod);
                return;
            }
            if (errno != 0) throw CgroupFile.WriteFailure(target.PathOf("cpu.cfs_period_us"), periodValue, ResourcePointers.CpuPeriod, errno);
        }
        if (quota is not null) target.Write("cpu.cfs_quota_us", Number(quota.Value), ResourcePointers.CpuQuota);
    }

    private static void ApplyV2(CgroupTarget target, long? shares, long? quota, ulong? period)
    {
        if (shares is not null)
        {
            ulong weight = CpuWeight.FromShares((ulong)Math.Max(shares.Value, 0));
            target.Write("cpu.weight", weight.ToString(CultureInfo.InvariantCulture), ResourcePointers.CpuShares);
        }

        if (quota is null && period is null) return;
        // cpu.max holds "quota period"; keep the current quota when only the period changes.
        string quotaValue = quota is null ? CurrentV2Quota(target) : quota < 0 ? "max" : Number(quota.Value);
        string value = period is null ? quotaValue : $"{quotaValue} {period.Value.ToString(CultureInfo.InvariantCulture)}";
        target.Write("cpu.max", value, quota is not null ? ResourcePointers.CpuQuota : ResourcePointers.CpuPeriod);
    }

    private static string CurrentV2Quota(CgroupTarget target) =>
        (CgroupFile.TryRead(target.PathOf("cpu.max")) ?? "max").Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "max";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
