using OciRuntime.Cgroups;
using OciRuntime.Init.Mounts;
using OciRuntime.Linux;

namespace OciRuntime.Init.Appliers;

/// <summary>
/// A "cgroup" mount in config.json: the container's view of its own cgroups, shaped like the host's layout.
/// With a cgroup namespace the real filesystem is mounted (the kernel shows our cgroup as its root);
/// without one, our own cgroup directory is bind-mounted so the host's tree stays out of sight.
/// Every target is resolved inside the rootfs by the kernel, like the other mounts.
/// </summary>
public sealed class CgroupMountApplier(RootfsDirectory root, string destination, MountOptions options, string field, bool ownCgroupNamespace)
{
    public void Apply()
    {
        var layout = CgroupLayout.Detect();
        ulong flags = options.Flags & ~(Ms.BIND | Ms.REC);
        if (layout.Mode == CgroupMode.V2)
        {
            MountUnified(layout.Unified!, destination, flags);
            return;
        }

        using (var target = root.OpenOrCreate(destination, asFile: false))
            Mount("tmpfs", target, "tmpfs", flags & ~Ms.RDONLY, "mode=755", destination);
        // The subdirectories are made in the tmpfs just mounted, so the paths resolve afresh to it.
        foreach (var hierarchy in layout.V1Hierarchies)
        {
            string name = hierarchy.IsNamed ? hierarchy.Name! : Path.GetFileName(hierarchy.MountPoint);
            string sub = $"{destination.TrimEnd('/')}/{name}";
            if (ownCgroupNamespace)
            {
                string fsOptions = hierarchy.IsNamed ? $"none,name={hierarchy.Name}" : string.Join(',', hierarchy.Controllers);
                using var target = root.OpenOrCreate(sub, asFile: false);
                Mount("cgroup", target, "cgroup", flags, fsOptions, sub);
            }
            else BindOwnCgroup(hierarchy.MountPoint, hierarchy.MountRoot, hierarchy.OwnCgroup, sub, flags);
        }
        if (layout.Unified is { } unified) MountUnified(unified, $"{destination.TrimEnd('/')}/unified", flags);
        if ((flags & Ms.RDONLY) != 0)
        {
            using var top = Topmost(destination);
            Mount(null, top, null, Ms.REMOUNT | flags, "mode=755", destination);
        }
    }

    private void MountUnified(UnifiedHierarchy unified, string at, ulong flags)
    {
        if (ownCgroupNamespace)
        {
            using var target = root.OpenOrCreate(at, asFile: false);
            Mount("cgroup2", target, "cgroup2", flags, null, at);
        }
        else BindOwnCgroup(unified.MountPoint, unified.MountRoot, unified.OwnCgroup, at, flags);
    }

    private void BindOwnCgroup(string mountPoint, string mountRoot, string ownCgroup, string at, ulong flags)
    {
        string relative = ownCgroup.StartsWith(mountRoot, StringComparison.Ordinal) ? ownCgroup[mountRoot.Length..] : ownCgroup;
        string source = mountPoint.TrimEnd('/') + "/" + relative.TrimStart('/');
        using (var target = root.OpenOrCreate(at, asFile: false))
            Mount(source, target, null, Ms.BIND | Ms.REC, null, at);
        ulong remount = flags & ~Ms.BIND;
        if (remount == 0) return;
        using var top = Topmost(at);
        Mount(null, top, null, Ms.BIND | Ms.REMOUNT | remount, null, at);
    }

    /// <summary>A descriptor taken before a mount points beneath it; changes to the new mount need a fresh one.</summary>
    private PinnedPath Topmost(string path) =>
        root.TryOpen(path) ?? throw new InvalidOperationException($"{field}: {path} vanished after mounting");

    private void Mount(string? source, PinnedPath target, string? type, ulong flags, string? data, string shownAs) =>
        RootfsApplier.Mount(source, target.ProcPath, type, flags, data, field, shownAs);
}
