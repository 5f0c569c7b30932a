using OciRuntime.Linux;
using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Launch;

/// <summary>Which namespaces init creates (clone flags) and which it joins by path, from /linux/namespaces.</summary>
public sealed record NamespacePlan(uint CloneFlags, IReadOnlyList<(uint Type, string Path)> Joins)
{
    public static readonly IReadOnlyDictionary<string, uint> Flags = new Dictionary<string, uint>
    {
        ["pid"] = Clone.NEWPID, ["network"] = Clone.NEWNET, ["mount"] = Clone.NEWNS, ["ipc"] = Clone.NEWIPC,
        ["uts"] = Clone.NEWUTS, ["user"] = Clone.NEWUSER, ["cgroup"] = Clone.NEWCGROUP, ["time"] = Clone.NEWTIME,
    };

    /// <summary>The names the kernel gives these namespaces under /proc/pid/ns.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProcNames = new Dictionary<string, string>
    {
        ["pid"] = "pid", ["network"] = "net", ["mount"] = "mnt", ["ipc"] = "ipc",
        ["uts"] = "uts", ["user"] = "user", ["cgroup"] = "cgroup", ["time"] = "time",
    };

    public bool CreatesUserNamespace => (CloneFlags & Clone.NEWUSER) != 0;

    public static NamespacePlan From(LinuxSpec? linux)
    {
        uint flags = 0;
        var joins = new List<(uint, string)>();
        foreach (var ns in linux?.Namespaces ?? [])
        {
            uint flag = Flags[ns.Type!];
            if (string.IsNullOrEmpty(ns.Path)) flags |= flag;
            else joins.Add((flag, ns.Path));
        }
        return new NamespacePlan(flags, joins);
    }
}
