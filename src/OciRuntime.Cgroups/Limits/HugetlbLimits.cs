using System.Globalization;
using OciRuntime.Spec.Model;

namespace OciRuntime.Cgroups;

/// <summary>
/// linux.resources.hugepageLimits: hugetlb.&lt;size&gt;.limit_in_bytes on v1, hugetlb.&lt;size&gt;.max on v2 (and
/// hugetlb.&lt;size&gt;.rsvd.max where the kernel has reservation accounting, as runc). The page size is the
/// kernel's spelling, e.g. "2MB", "1GB".
/// </summary>
internal static class HugetlbLimits
{
    private const string Pointer = "/linux/resources/hugepageLimits";

    public static void Apply(CgroupTarget target, IReadOnlyList<LinuxHugepageLimit> limits)
    {
        for (int i = 0; i < limits.Count; i++)
        {
            string size = limits[i].PageSize ?? "";
            string pointer = $"{Pointer}/{i}";
            string value = limits[i].Limit.ToString(CultureInfo.InvariantCulture);
            string file = target.IsUnified ? $"hugetlb.{size}.max" : $"hugetlb.{size}.limit_in_bytes";
            if (!target.HasFile(file))
                throw new CgroupException($"{pointer}/pageSize", $"no hugetlb page size \"{size}\" on this host ({target.PathOf(file)} does not exist)");
            target.Write(file, value, $"{pointer}/limit");
            if (target.IsUnified && target.HasFile($"hugetlb.{size}.rsvd.max")) target.Write($"hugetlb.{size}.rsvd.max", value, $"{pointer}/limit");
        }
    }
}
