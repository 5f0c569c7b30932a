using OciRuntime.Init.Mounts;
using OciRuntime.Linux;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init.Appliers;

/// <summary>Performs one entry of config.json's mounts array inside the rootfs.</summary>
/// <param name="idmappedMount">Asks the parent for the detached idmapped mount of an entry (see <see cref="IdmappedMountRequest"/>).</param>
public sealed class MountEntryApplier(Mount mount, int index, string bundle, bool ownCgroupNamespace, Func<int, int>? idmappedMount = null)
{
    private string Field(string name) => $"/mounts/{index}/{name}";

    public void Apply(RootfsDirectory root)
    {
        var options = MountOptions.Parse(mount.Options);
        string type = mount.Type ?? "";
        string destination = mount.Destination!;
        bool bind = options.IsBind || type == "bind";

        if (type is "proc" or "sysfs") RefuseSymlinkDestination(root, destination);
        if (type == "cgroup") new CgroupMountApplier(root, destination, options, Field("type"), ownCgroupNamespace).Apply();
        else if (bind) ApplyBind(root, destination, options, mount.Source);
        else
        {
            using var target = root.OpenOrCreate(destination, asFile: false);
            try
            {
                RootfsApplier.Mount(mount.Source ?? type, target.ProcPath, type, options.Flags, options.Data, Field("destination"), destination);
                // The descriptor still names the directory the new mount now covers, so its files stay reachable.
                if (options.CopyUp && type == "tmpfs") OnTopmost(root, destination, top => TreeCopier.CopyContents(target.ProcPath, top.ProcPath));
            }
            catch (MountFailure e) when (e.Errno == Errno.EPERM && type == "sysfs")
            {
                // In a user namespace that doesn't own the network namespace the kernel refuses a new sysfs;
                // like runc, bind the runtime's /sys (read-only and so on by the remount) instead.
                ApplyBind(root, destination, options with { Flags = options.Flags | Ms.BIND | Ms.REC }, "/sys");
            }
            catch (MountFailure e) when (e.Errno == Errno.ENODEV)
            {
                // The kernel loads filesystem modules on demand, so /proc/filesystems can't be checked up front.
                throw new InvalidOperationException($"{Field("type")}: unknown filesystem type \"{type}\" (not in /proc/filesystems, no module for it)");
            }
        }
        if (options.HasRecursiveAttributes) OnTopmost(root, destination, top =>
            MountAttr.SetRecursive(top, options.RecursiveSet, options.RecursiveClear, Field("options"), destination));
        if (options.Propagation != 0) OnTopmost(root, destination, top =>
            RootfsApplier.Mount(null, top.ProcPath, null, options.Propagation, null, Field("options"), destination));
    }

    /// <summary>
    /// CVE-2019-16884: an image whose /proc is a symlink would have procfs land where the link points and keep a
    /// directory of its own at /proc, so whatever the runtime later reads or writes there (LSM labels, sysctls, fd
    /// paths) would be files the image controls. As in runc, proc and sysfs only mount onto a real directory.
    /// </summary>
    private void RefuseSymlinkDestination(RootfsDirectory root, string destination)
    {
        using var parent = root.TryOpen(Path.GetDirectoryName(destination) ?? "/");
        string name = Path.GetFileName(destination);
        if (parent is null || name.Length == 0) return;
        if (new FileInfo($"{parent.ProcPath}/{name}").LinkTarget is { } target)
            throw new InvalidOperationException($"{Field("destination")}: {destination} is a symlink (to {target}) in the rootfs; {mount.Type} only mounts onto a directory");
    }

    private void ApplyBind(RootfsDirectory root, string destination, MountOptions options, string? source)
    {
        if (source is null) throw new InvalidOperationException($"{Field("source")}: a bind mount needs a source");
        if (!source.StartsWith('/')) source = Path.Combine(bundle, source);
        if (!Path.Exists(source)) throw new InvalidOperationException($"{Field("source")}: {source} does not exist");

        if (IdmapOptions.IsIdmapped(mount)) AttachIdmapped(root, destination);
        else using (var target = root.OpenOrCreate(destination, asFile: !Directory.Exists(source)))
            RootfsApplier.Mount(source, target.ProcPath, null, Ms.BIND | (options.Flags & Ms.REC), null, Field("source"), destination);
        // A bind mount ignores every other flag on the first call; they take effect on a remount.
        if (options.RemountFlags != 0) OnTopmost(root, destination, top =>
            RootfsApplier.Mount(null, top.ProcPath, null, Ms.BIND | Ms.REMOUNT | options.RemountFlags, null, Field("options"), destination));
    }

    private void AttachIdmapped(RootfsDirectory root, string destination)
    {
        int mountFd = (idmappedMount ?? throw new InvalidOperationException($"{Field("options")}: no way to ask for an idmapped mount"))(index);
        try
        {
            using var target = root.OpenOrCreate(destination, asFile: !Directory.Exists($"/proc/self/fd/{mountFd}"));
            MoveMount.Attach(mountFd, target, Field("destination"), destination);
        }
        finally
        {
            Libc.close(mountFd);
        }
    }

    /// <summary>
    /// A descriptor taken before a mount still points beneath it, so changes to the new mount go through a
    /// fresh resolution of the same path.
    /// </summary>
    private static void OnTopmost(RootfsDirectory root, string destination, Action<PinnedPath> act)
    {
        using var top = root.TryOpen(destination) ?? throw new InvalidOperationException($"{destination} vanished after mounting");
        act(top);
    }
}
