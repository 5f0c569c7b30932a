using OciRuntime.Linux;

namespace OciRuntime.Init.Mounts;

/// <summary>
/// A mount's options split the way mount(2) wants them: flags for the mount call, a propagation change applied
/// afterwards, and whatever the kernel doesn't know as a flag passed through as filesystem data.
/// </summary>
public sealed record MountOptions(ulong Flags, ulong ClearedFlags, ulong Propagation, string Data)
{
    public bool IsBind => (Flags & Ms.BIND) != 0;
    public bool IsRecursive => (Flags & Ms.REC) != 0;

    /// <summary>Flags that need a remount after a bind mount (a bind ignores them on the first call).</summary>
    public ulong RemountFlags => Flags & ~(Ms.BIND | Ms.REC | Ms.REMOUNT);

    private static readonly Dictionary<string, (bool Clear, ulong Flag)> FlagOptions = new()
    {
        ["async"] = (true, Ms.SYNCHRONOUS), ["sync"] = (false, Ms.SYNCHRONOUS),
        ["atime"] = (true, Ms.NOATIME), ["noatime"] = (false, Ms.NOATIME),
        ["bind"] = (false, Ms.BIND), ["rbind"] = (false, Ms.BIND | Ms.REC),
        ["defaults"] = (false, 0),
        ["dev"] = (true, Ms.NODEV), ["nodev"] = (false, Ms.NODEV),
        ["diratime"] = (true, Ms.NODIRATIME), ["nodiratime"] = (false, Ms.NODIRATIME),
        ["dirsync"] = (false, Ms.DIRSYNC),
        ["exec"] = (true, Ms.NOEXEC), ["noexec"] = (false, Ms.NOEXEC),
        ["mand"] = (false, Ms.MANDLOCK), ["nomand"] = (true, Ms.MANDLOCK),
        ["relatime"] = (false, Ms.RELATIME), ["norelatime"] = (true, Ms.RELATIME),
        ["strictatime"] = (false, Ms.STRICTATIME), ["nostrictatime"] = (true, Ms.STRICTATIME),
        ["lazytime"] = (false, Ms.LAZYTIME), ["nolazytime"] = (true, Ms.LAZYTIME),
        ["remount"] = (false, Ms.REMOUNT),
        ["ro"] = (false, Ms.RDONLY), ["rw"] = (true, Ms.RDONLY),
        ["suid"] = (true, Ms.NOSUID), ["nosuid"] = (false, Ms.NOSUID),
        ["nosymfollow"] = (false, Ms.NOSYMFOLLOW), ["symfollow"] = (true, Ms.NOSYMFOLLOW),
    };

    private static readonly Dictionary<string, ulong> PropagationOptions = new()
    {
        ["private"] = Ms.PRIVATE, ["rprivate"] = Ms.PRIVATE | Ms.REC,
        ["shared"] = Ms.SHARED, ["rshared"] = Ms.SHARED | Ms.REC,
        ["slave"] = Ms.SLAVE, ["rslave"] = Ms.SLAVE | Ms.REC,
        ["unbindable"] = Ms.UNBINDABLE, ["runbindable"] = Ms.UNBINDABLE | Ms.REC,
    };

    public static IEnumerable<string> KnownOptions => FlagOptions.Keys.Concat(PropagationOptions.Keys);

    public static MountOptions Parse(IEnumerable<string>? options)
    {
        ulong flags = 0, cleared = 0, propagation = 0;
        var data = new List<string>();
        foreach (string option in options ?? [])
        {
            if (FlagOptions.TryGetValue(option, out var entry))
            {
                if (entry.Clear) { flags &= ~entry.Flag; cleared |= entry.Flag; }
                else { flags |= entry.Flag; cleared &= ~entry.Flag; }
            }
            else if (PropagationOptions.TryGetValue(option, out ulong p))
                propagation = p;
            else
                data.Add(option);
        }
        return new MountOptions(flags, cleared, propagation, string.Join(',', data));
    }

    /// <summary>The propagation flags for linux.rootfsPropagation; "" means rslave, runc's default.</summary>
    public static ulong RootPropagation(string? value) =>
        string.IsNullOrEmpty(value) ? Ms.SLAVE | Ms.REC : PropagationOptions.TryGetValue(value, out ulong p)
            ? p : throw new ArgumentException($"unknown propagation {value}");
}
