using System.Globalization;

namespace OciRuntime.Cgroups;

/// <summary>The huge page sizes the kernel offers, in the spelling of the hugetlb controller's files ("2MB", "1GB").</summary>
public static class HugePageSizes
{
    public static IReadOnlyList<string> OnThisHost()
    {
        try
        {
            return Directory.EnumerateDirectories("/sys/kernel/mm/hugepages")
                .Select(d => Path.GetFileName(d)) // hugepages-2048kB
                .Where(n => n.StartsWith("hugepages-", StringComparison.Ordinal) && n.EndsWith("kB", StringComparison.Ordinal))
                .Select(n => ulong.Parse(n["hugepages-".Length..^2], CultureInfo.InvariantCulture))
                .Order().Select(FromKilobytes).ToArray();
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <summary>2048 → "2MB", 1048576 → "1GB", 64 → "64KB", as the kernel names the files.</summary>
    public static string FromKilobytes(ulong kilobytes) =>
        kilobytes >= 1 << 20 && kilobytes % (1 << 20) == 0 ? $"{kilobytes >> 20}GB"
        : kilobytes >= 1 << 10 && kilobytes % (1 << 10) == 0 ? $"{kilobytes >> 10}MB"
        : $"{kilobytes}KB";
}
