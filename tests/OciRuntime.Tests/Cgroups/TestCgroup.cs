using System.Diagnostics;
using OciRuntime.Cgroups;

namespace OciRuntime.Tests.Cgroups;

/// <summary>Helpers for tests on the real kernel: unique cgroup names, child processes, file reads.</summary>
internal static class TestCgroup
{
    public static string UniqueName() => $"ociruntime-test-{Guid.NewGuid():N}";

    public static Process Spawn(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    public static string Read(string directory, string file) => File.ReadAllText(Path.Combine(directory, file)).Trim();

    /// <summary>The directory holding a controller: its v1 hierarchy if it has one, else cgroup2.</summary>
    public static string DirectoryOf(ICgroupManager manager, string controller) =>
        manager.Paths.TryGetValue(controller, out string? v1) ? v1 : manager.Paths["unified"];

    public static bool IsV1(ICgroupManager manager, string controller) => manager.Paths.ContainsKey(controller);

    /// <summary>The cgroup path of each hierarchy line in /proc/&lt;pid&gt;/cgroup, keyed by the controller list.</summary>
    public static Dictionary<string, string> CgroupsOf(int pid) =>
        File.ReadAllLines($"/proc/{pid}/cgroup")
            .Select(line => line.Split(':', 3))
            .ToDictionary(parts => parts[1], parts => parts[2]);

    public static void DestroyQuietly(ICgroupManager manager)
    {
        try { manager.Destroy(); } catch (CgroupException) { }
    }
}
