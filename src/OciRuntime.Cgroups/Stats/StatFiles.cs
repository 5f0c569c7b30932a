using System.Globalization;

namespace OciRuntime.Cgroups;

/// <summary>Lenient readers for cgroup statistics files: a missing file or field reads as zero or empty.</summary>
internal static class StatFiles
{
    /// <summary>A single number; "max" (no limit) reads as <see cref="ulong.MaxValue"/>.</summary>
    public static ulong Number(CgroupTarget? target, string file)
    {
        string? text = target is null ? null : CgroupFile.TryRead(target.PathOf(file))?.Trim();
        if (text == "max") return ulong.MaxValue;
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value) ? value : 0;
    }

    /// <summary>Whitespace-separated numbers, e.g. cpuacct.usage_percpu.</summary>
    public static IReadOnlyList<ulong> Numbers(CgroupTarget? target, string file) =>
        (target is null ? null : CgroupFile.TryRead(target.PathOf(file)) ?? "")
            ?.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out ulong v) ? v : 0).ToArray() ?? [];

    /// <summary>"key value" lines (memory.stat, cpu.stat, memory.events).</summary>
    public static Dictionary<string, ulong> Keyed(CgroupTarget? target, string file)
    {
        var values = new Dictionary<string, ulong>();
        string? content = target is null ? null : CgroupFile.TryRead(target.PathOf(file));
        foreach (string line in (content ?? "").Split('\n'))
        {
            string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 2 && ulong.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out ulong v)) values[f[0]] = v;
        }
        return values;
    }
}
