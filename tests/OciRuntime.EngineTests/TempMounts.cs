namespace OciRuntime.EngineTests;

/// <summary>Engines mount under their own directories (shm tmpfs, rootfs overlays); a fixture unmounts what is left before deleting.</summary>
public static class TempMounts
{
    public static IReadOnlyList<string> Under(string dir) =>
        File.ReadAllLines("/proc/self/mountinfo")
            .Select(line => line.Split(' ')[4].Replace("\\040", " "))
            .Where(mountPoint => mountPoint == dir || mountPoint.StartsWith(dir + "/", StringComparison.Ordinal))
            .ToList();

    public static void RemoveTree(string dir)
    {
        foreach (string mountPoint in Under(dir).Reverse()) Shell.Run(["umount", "-l", mountPoint]);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    /// <summary>Every cgroup directory on every hierarchy whose name mentions the container, for "nothing left behind".</summary>
    public static IReadOnlyList<string> CgroupDirsNamed(string fragment) =>
        Directory.EnumerateDirectories("/sys/fs/cgroup", "*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 4 })
            .Where(d => Path.GetFileName(d).Contains(fragment, StringComparison.Ordinal))
            .ToList();
}
