using System.Globalization;

namespace OciRuntime.Cgroups;

internal static class ProcCgroupParser
{
    public static IReadOnlyList<ProcCgroupEntry> Parse(string procSelfCgroup)
    {
        var entries = new List<ProcCgroupEntry>();
        foreach (string line in procSelfCgroup.Split('\n'))
        {
            // The path is last and may itself contain ':'.
            string[] parts = line.TrimEnd('\r').Split(':', 3);
            if (parts.Length != 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int id))
                continue;
            string[] controllers = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries);
            entries.Add(new ProcCgroupEntry(id, controllers, parts[2]));
        }
        return entries;
    }
}
