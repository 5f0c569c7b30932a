namespace OciRuntime.Init.Mounts;

/// <summary>
/// Resolves a path inside a root directory the way the container will see it: symlinks are followed with the
/// root as "/", so neither an absolute link nor "../.." climbs out of it.
/// </summary>
public static class SecurePath
{
    private const int MaxLinks = 255;

    public static string Join(string root, string unsafePath)
    {
        root = Path.GetFullPath(root);
        var resolved = new List<string>();
        var pending = new Stack<string>(Split(unsafePath).Reverse());
        int links = 0;
        while (pending.Count > 0)
        {
            string part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                if (resolved.Count > 0) resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            string candidate = Combine(root, resolved, part);
            var info = new FileInfo(candidate);
            if (info.LinkTarget is not string target)
            {
                resolved.Add(part);
                continue;
            }
            if (++links > MaxLinks) throw new IOException($"too many symlinks resolving {unsafePath} in {root}");
            if (target.StartsWith('/')) resolved.Clear();
            foreach (string p in Split(target).Reverse()) pending.Push(p);
        }
        return Combine(root, resolved, null);
    }

    private static IEnumerable<string> Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static string Combine(string root, List<string> parts, string? last)
    {
        string joined = string.Join('/', last is null ? parts : parts.Append(last));
        return joined.Length == 0 ? root : root.TrimEnd('/') + "/" + joined;
    }
}
