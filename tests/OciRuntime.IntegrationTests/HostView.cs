namespace OciRuntime.IntegrationTests;

/// <summary>What the host sees of a container: namespaces, cgroups, process names.</summary>
public static class HostView
{
    public static string Namespace(int pid, string name) => new FileInfo($"/proc/{pid}/ns/{name}").LinkTarget!;

    public static string Comm(int pid) => File.ReadAllText($"/proc/{pid}/comm").Trim();

    public static bool Alive(int pid) => Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");

    /// <summary>
    /// The directory of the process's cgroup on the hierarchy holding <paramref name="controller"/>: its v1
    /// hierarchy, or the cgroup2 one when the controller is only there (on a pure v2 host, all of them).
    /// </summary>
    public static string? CgroupDir(int pid, string controller)
    {
        if (Hierarchy(controller) is not var (mount, root, unified)) return null;
        foreach (string line in File.ReadAllLines($"/proc/{pid}/cgroup"))
        {
            string[] parts = line.Split(':', 3);
            bool match = unified ? parts[0] == "0" && parts[1] == "" : parts[1].Split(',').Contains(controller);
            if (match) return mount + parts[2].Substring(root.TrimEnd('/').Length);
        }
        return null;
    }

    /// <summary>Where the hierarchy holding <paramref name="controller"/> is mounted.</summary>
    public static string? CgroupMount(string controller) => Hierarchy(controller)?.Mount;

    /// <summary>True when the controller lives on cgroup2 (files memory.max, not memory.limit_in_bytes).</summary>
    public static bool IsUnified(string controller) => Hierarchy(controller)?.Unified == true;

    /// <summary>The memory limit of the process's cgroup as the kernel prints it, from the v1 or the v2 file.</summary>
    public static string MemoryLimit(int pid) =>
        File.ReadAllText(Path.Combine(CgroupDir(pid, "memory")!, IsUnified("memory") ? "memory.max" : "memory.limit_in_bytes")).Trim();

    private static (string Mount, string Root, bool Unified)? Hierarchy(string controller)
    {
        var mounts = File.ReadAllLines("/proc/self/mountinfo").Select(l => l.Split(' ')).Select(f => (f, dash: Array.IndexOf(f, "-"))).ToList();
        foreach (var (f, dash) in mounts)
            if (f[dash + 1] == "cgroup" && f[dash + 3].Split(',').Contains(controller)) return (f[4], f[3], false);
        foreach (var (f, dash) in mounts)
            if (f[dash + 1] == "cgroup2" && File.ReadAllText(Path.Combine(f[4], "cgroup.controllers")).Split().Contains(controller))
                return (f[4], f[3], true);
        return null;
    }

    /// <summary>Every cgroup directory on this host whose name is <paramref name="id"/>.</summary>
    public static IReadOnlyList<string> CgroupDirsNamed(string id)
    {
        var found = new List<string>();
        // On a pure v2 host /sys/fs/cgroup is itself the hierarchy; on a v1 or hybrid one each child is one.
        Find("/sys/fs/cgroup", id, found, depth: -1);
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
