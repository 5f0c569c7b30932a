namespace OciRuntime.Spec;

/// <summary>
/// linux.sysctl keys: which are namespaced (and by which namespace), and where they live under /proc/sys.
/// A key is dotted ("net.ipv4.ip_forward") or, when a component itself has dots (an interface named "eth0.100"),
/// slash-separated ("net/ipv4/conf/eth0.100/forwarding"), as runc accepts.
/// </summary>
public static class SysctlKeys
{
    private static readonly HashSet<string> IpcKeys =
    [
        "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem",
        "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced",
    ];

    /// <summary>The key's components, or null when one is empty, "." or ".." (it could leave /proc/sys).</summary>
    public static string[]? Components(string key)
    {
        string[] parts = key.Split(key.Contains('/') ? '/' : '.');
        return parts.Any(p => p is "" or "." or "..") ? null : parts;
    }

    /// <summary>The namespace type that makes the key private to the container, or null when none does.</summary>
    public static string? NamespaceOf(string key)
    {
        if (Components(key) is not { } parts) return null;
        string dotted = string.Join('.', parts);
        if (parts[0] == "net") return NamespaceTypes.Network;
        if (IpcKeys.Contains(dotted) || (parts.Length > 2 && parts[0] == "fs" && parts[1] == "mqueue")) return NamespaceTypes.Ipc;
        if (dotted is "kernel.hostname" or "kernel.domainname") return NamespaceTypes.Uts;
        return null;
    }

    /// <summary>The file under /proc/sys, relative to it.</summary>
    public static string RelativePath(string key) =>
        string.Join('/', Components(key) ?? throw new ArgumentException($"invalid sysctl key {key}"));
}
