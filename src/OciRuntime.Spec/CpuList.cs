namespace OciRuntime.Spec;

/// <summary>The kernel's CPU list syntax ("0-3,7"), as in cpuset.cpus and execCPUAffinity.</summary>
public static class CpuList
{
    /// <summary>The CPU numbers of a list, or null when it isn't valid list syntax.</summary>
    public static SortedSet<int>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var cpus = new SortedSet<int>();
        foreach (string part in text.Split(','))
        {
            string[] range = part.Trim().Split('-');
            if (range.Length > 2 || !int.TryParse(range[0], out int first) || first < 0) return null;
            int last = first;
            if (range.Length == 2 && (!int.TryParse(range[1], out last) || last < first)) return null;
            if (last > 8191) return null;
            for (int cpu = first; cpu <= last; cpu++) cpus.Add(cpu);
        }
        return cpus;
    }
}
