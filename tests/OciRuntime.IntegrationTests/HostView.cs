namespace OciRuntime.IntegrationTests;

/// <summary>What the host sees of a container: namespaces, cgroups, process names.</summary>
public static class HostView
{
    public static string Namespace(int pid, string name) => new FileInfo($"/proc/{pid}/ns/{name}").LinkTarget!;

    public static string Comm(int pid) => File.ReadAllText($"/proc/{pid}/comm").Trim();

    public static bool Alive(int pid) => Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");

    /// <summary>The directory of the process's cgroup on the hierarchy holding <paramref name="controller"/>.</summary>
    public static string? CgroupDir(int pid, string controller)
    {
        foreach (string line in File.ReadAllLines($"/proc/{pid}/cgroup"))
        {
            string[] parts = line.Split(':', 3);
            if (!parts[1].Split(',').Contains(controller)) continue;
            foreach (string mount in File.ReadAllLines("/proc/self/mountinfo"))
            {
                string[] f = mount.Split(' ');
                int dash = Array.IndexOf(f, "-");
                if (f[dash + 1] == "cgroup" && f[dash + 3].Split(',').Contains(controller))
                    return f[4] + parts[2].Substring(f[3].TrimEnd('/').Length);
            }
        }
        return null;
    }

    /// <summary>Every cgroup directory on this host whose name is <paramref name="id"/>.</summary>
    public static IReadOnlyList<string> CgroupDirsNamed(string id)
    {
        var found = new List<string>();
        foreach (string hierarchy in Directory.EnumerateDirectories("/sys/fs/cgroup"))
            Find(hierarchy, id, found, depth: 0);
        return found;
    }

    private static void Find(string dir, string id, List<string> found, int depth)
    {
        if (depth > 4) return;
        IEnumerable<string> children;
        try { children = Directory.EnumerateDirectories(dir).ToList(); }
        catch (IOException) { return; }
        foreach (string child in children)
        {
            if (Path.GetFileName(child) == id) found.Add(child);
            Find(child, id, found, depth + 1);
        }
    }

    /// <summary>Processes whose cgroup (on any hierarchy) ends in /<paramref name="id"/>.</summary>
    public static IReadOnlyList<int> ProcessesInCgroupNamed(string id) =>
        Directory.EnumerateDirectories("/proc").Select(d => Path.GetFileName(d)).Where(n => n.All(char.IsDigit)).Select(int.Parse)
            .Where(pid =>
            {
                try { return File.ReadAllLines($"/proc/{pid}/cgroup").Any(l => l.EndsWith("/" + id)); }
                catch (IOException) { return false; }
            })
            .ToList();
}
