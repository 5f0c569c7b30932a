namespace OciRuntime.Cgroups;

/// <summary>Lists the processes of a cgroup subtree from the cgroup.procs files.</summary>
internal static class CgroupProcesses
{
    public static IReadOnlyList<int> ListRecursive(IEnumerable<string> directories)
    {
        var pids = new SortedSet<int>();
        foreach (string directory in directories) Collect(directory, pids);
        return pids.ToArray();
    }

    private static void Collect(string directory, SortedSet<int> pids)
    {
        string? procs = CgroupFile.TryRead(Path.Combine(directory, "cgroup.procs"));
        if (procs is null) return;
        foreach (string line in procs.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            if (int.TryParse(line, out int pid)) pids.Add(pid);

        foreach (string child in SubdirectoriesOf(directory)) Collect(child, pids);
    }

    public static IEnumerable<string> SubdirectoriesOf(string directory)
    {
        try
        {
            return Directory.GetDirectories(directory);
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }
}
