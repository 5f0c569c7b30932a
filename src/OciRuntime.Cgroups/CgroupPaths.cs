namespace OciRuntime.Cgroups;

/// <summary>Component-wise helpers for cgroup paths ("/a/b") and directories under a mount point.</summary>
internal static class CgroupPaths
{
    /// <summary>Splits a path into its names, dropping empty and "." components.</summary>
    public static string[] Components(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(c => c != ".").ToArray();

    public static bool HasParentReference(string path) => path.Split('/').Contains("..");

    /// <summary>The components of <paramref name="path"/> below <paramref name="root"/>, or null when it is not under it.</summary>
    public static string[]? Below(string path, string root)
    {
        string[] pathParts = Components(path);
        string[] rootParts = Components(root);
        if (pathParts.Length < rootParts.Length) return null;
        for (int i = 0; i < rootParts.Length; i++)
            if (pathParts[i] != rootParts[i]) return null;
        return pathParts[rootParts.Length..];
    }

    public static string Join(string directory, IEnumerable<string> components)
    {
        string joined = directory.TrimEnd('/');
        foreach (string component in components) joined += "/" + component;
        return joined.Length == 0 ? "/" : joined;
    }

    /// <summary>Every directory from <paramref name="mountPoint"/> down to <paramref name="leaf"/>, both included.</summary>
    public static IReadOnlyList<string> Chain(string mountPoint, string leaf)
    {
        var chain = new List<string> { mountPoint };
        string[]? below = Below(leaf, mountPoint);
        if (below is null) return [leaf];
        string current = mountPoint;
        foreach (string component in below)
        {
            current = Join(current, [component]);
            chain.Add(current);
        }
        return chain;
    }
}
