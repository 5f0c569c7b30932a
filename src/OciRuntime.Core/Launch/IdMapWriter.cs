using System.Text;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Linux;
using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Launch;

/// <summary>
/// Writes a new user namespace's uid_map and gid_map from the parent, as the kernel requires. Root writes any
/// map. An unprivileged user may write only a single mapping of its own id (and, for gid_map, only after
/// denying setgroups); anything more goes through the setuid helpers newuidmap/newgidmap, which check the
/// ranges delegated in /etc/subuid and /etc/subgid.
/// </summary>
public static class IdMapWriter
{
    public enum Method { Direct, OwnIdOnly, Helper }

    public static string Format(IEnumerable<IdMapping>? mappings)
    {
        var text = new StringBuilder();
        foreach (var m in mappings ?? []) text.Append($"{m.ContainerId} {m.HostId} {m.Size}\n");
        return text.ToString();
    }

    public static Method Choose(IReadOnlyList<IdMapping>? mappings, uint ownId, bool privileged) =>
        privileged ? Method.Direct
        : mappings is [{ HostId: var host, Size: 1 }] && host == ownId ? Method.OwnIdOnly
        : Method.Helper;

    public static void Write(int pid, LinuxSpec linux)
    {
        bool privileged = Libc.geteuid() == 0;
        WriteMap(pid, "uid", linux.UidMappings, Libc.geteuid(), privileged, "/linux/uidMappings");
        WriteMap(pid, "gid", linux.GidMappings, Libc.getegid(), privileged, "/linux/gidMappings");
    }

    private static void WriteMap(int pid, string kind, IReadOnlyList<IdMapping>? mappings, uint ownId, bool privileged, string field)
    {
        string file = $"/proc/{pid}/{kind}_map";
        switch (Choose(mappings, ownId, privileged))
        {
            case Method.Direct:
                WriteFile(file, Format(mappings), field);
                break;
            case Method.OwnIdOnly:
                // The kernel lets an unprivileged gid_map be written only once setgroups is denied for good.
                if (kind == "gid") WriteFile($"/proc/{pid}/setgroups", "deny", field);
                WriteFile(file, Format(mappings), field);
                break;
            case Method.Helper:
                RunHelper(pid, kind, mappings ?? [], ownId, field);
                break;
        }
    }

    private static void WriteFile(string file, string content, string field)
    {
        try
        {
            File.WriteAllText(file, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeError($"{field}: writing {file}: {e.Message}");
        }
    }

    private static void RunHelper(int pid, string kind, IReadOnlyList<IdMapping> mappings, uint ownId, string field)
    {
        string helper = $"new{kind}map";
        string described = string.Join(", ", mappings.Select(m => $"{m.ContainerId} {m.HostId} {m.Size}"));
        string? path = FindInPath(helper) ?? throw new RuntimeError(
            $"{field}: mapping {described} as unprivileged {kind} {ownId} needs {helper} (package uidmap) and ranges in /etc/sub{kind}");
        var args = new List<string> { helper, pid.ToString() };
        foreach (var m in mappings) args.AddRange([m.ContainerId.ToString(), m.HostId.ToString(), m.Size.ToString()]);
        string? failure = HookRunner.Run(new Hook { Path = path, Args = args, Env = [] }, []);
        if (failure is not null)
            throw new RuntimeError($"{field}: mapping {described} is not delegated to {kind} {ownId} in /etc/sub{kind}: {failure}");
    }

    private static string? FindInPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") is { Length: > 0 } p ? p : "/usr/sbin:/usr/bin:/sbin:/bin")
        .Split(':').Append("/usr/bin").Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
