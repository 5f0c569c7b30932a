using OciRuntime.Init.Mounts;
using OciRuntime.Linux;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init.Appliers;

/// <summary>
/// Builds the container's filesystem inside its mount namespace and makes it the root:
/// propagation, the rootfs bind, config mounts in order, /dev, pivot_root, then read-only and masked paths.
/// </summary>
public sealed class RootfsApplier(RuntimeSpec spec, string rootfs, string bundle, bool noPivot, string overlayDir = "",
    Func<int, int>? idmappedMount = null)
{
    private const int MNT_DETACH = 2;

    /// <param name="beforePivot">Runs once every mount is in place and before pivot_root (createRuntime and
    /// createContainer hooks belong there).</param>
    public void Apply(Action beforePivot)
    {
        // Nothing we mount may propagate back to the host.
        Mount(null, "/", null, MountOptions.RootPropagation(spec.Linux?.RootfsPropagation), null, "/linux/rootfsPropagation");
        MakeParentMountPrivate();
        if (overlayDir.Length == 0) Mount(rootfs, rootfs, null, Ms.BIND | Ms.REC, null, "/root/path");
        // --rootfs-overlay: the bundle's rootfs is only read; every change lands in the state directory.
        else Mount("overlay", rootfs, "overlay", 0, $"lowerdir={rootfs},upperdir={overlayDir}/upper,workdir={overlayDir}/work", "--rootfs-overlay");

        var mounts = spec.Mounts ?? [];
        using var root = new RootfsDirectory(rootfs);
        bool ownCgroupNs = spec.Linux?.Namespaces?.Any(n => n.Type == "cgroup" && string.IsNullOrEmpty(n.Path)) == true;
        for (int i = 0; i < mounts.Count; i++) new MountEntryApplier(mounts[i], i, bundle, ownCgroupNs, idmappedMount).Apply(root);

        var devices = new DeviceApplier(spec);
        if (devices.OwnsDev(mounts)) devices.Apply(root);

        beforePivot();
        if (noPivot) MoveRoot(); else PivotRoot();

        if (spec.Root?.Readonly == true)
            Mount(null, "/", null, Ms.BIND | Ms.REMOUNT | Ms.RDONLY, null, "/root/readonly");
        // Before readonlyPaths, which usually include /proc/sys.
        new SysctlApplier(spec.Linux).Apply();
        new PathMaskApplier(spec.Linux).Apply();
    }

    /// <summary>pivot_root refuses a new root whose parent mount is shared, so make that one private.</summary>
    private void MakeParentMountPrivate()
    {
        string mountPoint = MountInfo.MountPointOf(rootfs);
        Mount(null, mountPoint, null, Ms.PRIVATE, null, "/root/path");
    }

    /// <summary>
    /// pivot_root(".", ".") stacks the old root on top of the new one; detaching it leaves only the container's
    /// view, with no path back to the host's filesystem.
    /// </summary>
    private void PivotRoot()
    {
        int oldRoot = SysError.Check(Libc.open("/", O.PATH | O.DIRECTORY | O.CLOEXEC, 0), "open", "/");
        try
        {
            SysError.Check(Libc.chdir(rootfs), "chdir", rootfs);
            PivotRootHere();
            // The old root now sits on top of the new one, but "." still names the new root's own mount (only
            // umount looks past it); going through the old root's descriptor keeps the rslave below to the old
            // tree instead of undoing the container's own propagation settings.
            SysError.Check(Libc.fchdir(oldRoot), "fchdir", "old root");
        }
        finally
        {
            Libc.close(oldRoot);
        }
        // The old root must not propagate the unmount to the host.
        Mount(null, ".", null, Ms.SLAVE | Ms.REC, null, "/root/path");
        SysError.Check(Libc.umount2(".", MNT_DETACH), "umount2", "old root");
        SysError.Check(Libc.chdir("/"), "chdir", "/");
    }

    private void MoveRoot()
    {
        SysError.Check(Libc.chdir(rootfs), "chdir", rootfs);
        Mount(rootfs, "/", null, Ms.MOVE, null, "/root/path");
        SysError.Check(Libc.chroot("."), "chroot", rootfs);
        SysError.Check(Libc.chdir("/"), "chdir", "/");
    }

    private unsafe void PivotRootHere()
    {
        using var strings = new NativeStrings();
        nint dot = (nint)strings.Add(".");
        if (Libc.syscall(Sys.PivotRoot, dot, dot, 0, 0, 0) < 0) throw new SysError("pivot_root", rootfs, Errno.Last);
    }

    /// <param name="shownAs">How to name the target in an error when <paramref name="target"/> is a /proc/self/fd path.</param>
    internal static void Mount(string? source, string target, string? type, ulong flags, string? data, string field, string? shownAs = null)
    {
        if (Libc.mount(source, target, type, flags, string.IsNullOrEmpty(data) ? null : data) < 0)
            throw new MountFailure(Errno.Last,
                $"{field}: mount {source ?? "none"} on {shownAs ?? target}{(type is null ? "" : $" type {type}")}: {Errno.Describe(Errno.Last)}");
    }
}

/// <summary>A failed mount(2), keeping errno so a caller can name the field that caused it.</summary>
public sealed class MountFailure(int errno, string message) : InvalidOperationException(message)
{
    public int Errno { get; } = errno;
}
