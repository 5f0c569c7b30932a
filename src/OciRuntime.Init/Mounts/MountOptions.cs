using OciRuntime.Linux;
using OciRuntime.Spec;

namespace OciRuntime.Init.Mounts;

/// <summary>
/// A mount's options split the way the kernel wants them: flags for the mount call, a propagation change applied
/// afterwards, mount_setattr attributes for the "r"-prefixed options that reach every submount, and whatever the
/// kernel doesn't know as a flag passed through as filesystem data.
/// </summary>
public sealed record MountOptions(ulong Flags, ulong ClearedFlags, ulong Propagation, string Data,
    ulong RecursiveSet = 0, ulong RecursiveClear = 0, bool CopyUp = false)
{
    /// <summary>runc's extension that Podman and Docker use for tmpfs mounts: fill the new tmpfs with what the image
    /// had at the mount point.</summary>
    public const string TmpCopyUp = "tmpcopyup";

    public bool IsBind => (Flags & Ms.BIND) != 0;
    public bool IsRecursive => (Flags & Ms.REC) != 0;
    public bool HasRecursiveAttributes => (RecursiveSet | RecursiveClear) != 0;

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

    /// <summary>On/off attributes applied to the whole tree with mount_setattr(AT_RECURSIVE).</summary>
    private static readonly Dictionary<string, (bool Clear, ulong Attr)> RecursiveOptions = new()
    {
        ["rro"] = (false, MountAttr.RDONLY), ["rrw"] = (true, MountAttr.RDONLY),
        ["rnosuid"] = (false, MountAttr.NOSUID), ["rsuid"] = (true, MountAttr.NOSUID),
        ["rnodev"] = (false, MountAttr.NODEV), ["rdev"] = (true, MountAttr.NODEV),
        ["rnoexec"] = (false, MountAttr.NOEXEC), ["rexec"] = (true, MountAttr.NOEXEC),
        ["rnodiratime"] = (false, MountAttr.NODIRATIME), ["rdiratime"] = (true, MountAttr.NODIRATIME),
        ["rnosymfollow"] = (false, MountAttr.NOSYMFOLLOW), ["rsymfollow"] = (true, MountAttr.NOSYMFOLLOW),
    };

    /// <summary>
    /// The access-time options are one choice, not independent bits: the kernel takes exactly one mode with all
    /// of MOUNT_ATTR__ATIME cleared (anything else is EINVAL). The last one given wins; turning one mode "off"
    /// means the kernel's default (relatime) or, for norelatime, updating every access (strictatime).
    /// </summary>
    private static readonly Dictionary<string, ulong> RecursiveAtimeOptions = new()
    {
        ["rrelatime"] = MountAttr.RELATIME, ["ratime"] = MountAttr.RELATIME, ["rnostrictatime"] = MountAttr.RELATIME,
        ["rnoatime"] = MountAttr.NOATIME,
        ["rstrictatime"] = MountAttr.STRICTATIME, ["rnorelatime"] = MountAttr.STRICTATIME,
    };

    public static IEnumerable<string> KnownOptions =>
        FlagOptions.Keys.Concat(PropagationOptions.Keys).Concat(RecursiveOptions.Keys).Concat(RecursiveAtimeOptions.Keys).Append(TmpCopyUp).Append(IdmapOptions.Idmap).Append(IdmapOptions.RecursiveIdmap);

    public static MountOptions Parse(IEnumerable<string>? options)
    {
        ulong flags = 0, cleared = 0, propagation = 0, recSet = 0, recClear = 0;
        bool copyUp = false;
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
            else if (RecursiveOptions.TryGetValue(option, out var attr))
            {
                if (attr.Clear) { recSet &= ~attr.Attr; recClear |= attr.Attr; }
                else { recSet |= attr.Attr; recClear &= ~attr.Attr; }
            }
            else if (RecursiveAtimeOptions.TryGetValue(option, out ulong atime))
            {
                recSet = (recSet & ~MountAttr.ATIME_MASK) | atime;
                recClear |= MountAttr.ATIME_MASK;
            }
            else if (option == TmpCopyUp)
                copyUp = true;
            else if (option is IdmapOptions.Idmap or IdmapOptions.RecursiveIdmap)
                continue; // the parent builds idmapped mounts (see IdmappedMountRequest)
            else
                data.Add(option);
        }
        return new MountOptions(flags, cleared, propagation, string.Join(',', data), recSet, recClear, copyUp);
    }

    /// <summary>The propagation flags for linux.rootfsPropagation; "" means rslave, runc's default.</summary>
    public static ulong RootPropagation(string? value) =>
        string.IsNullOrEmpty(value) ? Ms.SLAVE | Ms.REC : PropagationOptions.TryGetValue(value, out ulong p)
            ? p : throw new ArgumentException($"unknown propagation {value}");
}
