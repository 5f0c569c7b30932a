namespace OciRuntime.Linux;

public static class ProcFs
{
    /// <summary>
    /// The process start time in clock ticks since boot (field 22 of /proc/pid/stat): with the pid it names one
    /// process for good, so a recycled pid is never mistaken for the container. Null when the process is gone.
    /// </summary>
    public static ulong? StartTime(int pid)
    {
        string stat;
        try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        return ParseStartTime(stat);
    }

    public static ulong? ParseStartTime(string stat)
    {
        // The command name (field 2) may contain spaces and parentheses; fields restart after the last ')'.
        int close = stat.LastIndexOf(')');
        if (close < 0) return null;
        string[] rest = stat[(close + 2)..].Split(' ');
        // rest[0] is field 3 (state); field 22 is rest[19].
        return rest.Length > 19 && ulong.TryParse(rest[19], out ulong ticks) ? ticks : null;
    }

    /// <summary>The one-letter state of the process (R, S, D, Z, T, ...), or null if it's gone.</summary>
    public static char? State(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            int close = stat.LastIndexOf(')');
            return close >= 0 && close + 2 < stat.Length ? stat[close + 2] : null;
        }
        catch (IOException) { return null; }
    }

    /// <summary>
    /// The processes sharing <paramref name="pid"/>'s PID namespace (what "ps" lists for a container that has no
    /// cgroup, e.g. rootless); just the pid itself when that namespace is ours. Processes we can't inspect are skipped.
    /// </summary>
    public static IReadOnlyList<int> InSamePidNamespace(int pid)
    {
        string? target = PidNamespace(pid.ToString());
        if (target is null) return [];
        if (target == PidNamespace("self")) return [pid];
        return Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name is not null && name.All(char.IsAsciiDigit) && PidNamespace(name) == target)
            .Select(name => int.Parse(name!))
            .Order()
            .ToList();
    }

    private static string? PidNamespace(string pid)
    {
        try { return new FileInfo($"/proc/{pid}/ns/pid").LinkTarget; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
