using OciRuntime.Cgroups;
using OciRuntime.Init.Mounts;
using OciRuntime.Linux;

namespace OciRuntime.Init.Appliers;

/// <summary>
/// A "cgroup" mount in config.json: the container's view of its own cgroups, shaped like the host's layout.
/// With a cgroup namespace the real filesystem is mounted (the kernel shows our cgroup as its root);
/// without one, our own cgroup directory is bind-mounted so the host's tree stays out of sight.
/// </summary>
public sealed class CgroupMountApplier(string target, MountOptions options, string field, bool ownCgroupNamespace)
{
    public void Apply()
    {
        var layout = CgroupLayout.Detect();
        ulong flags = options.Flags & ~(Ms.BIND | Ms.REC);
        Directory.CreateDirectory(target);
        if (layout.Mode == CgroupMode.V2)
        {
            MountUnified(layout.Unified!, target, flags);
            return;
        }

        RootfsApplier.Mount("tmpfs", target, "tmpfs", flags & ~Ms.RDONLY, "mode=755", field);
        foreach (var hierarchy in layout.V1Hierarchies)
        {
            string name = hierarchy.IsNamed ? hierarchy.Name! : Path.GetFileName(hierarchy.MountPoint);
            string sub = Path.Combine(target, name);
            Directory.CreateDirectory(sub);
            if (ownCgroupNamespace)
            {
                string fsOptions = hierarchy.IsNamed ? $"none,name={hierarchy.Name}" : string.Join(',', hierarchy.Controllers);
                RootfsApplier.Mount("cgroup", sub, "cgroup", flags, fsOptions, field);
            }
            else BindOwnCgroup(hierarchy.MountPoint, hierarchy.MountRoot, hierarchy.OwnCgroup, sub, flags);
        }
        if (layout.Unified is { } unified) MountUnified(unified, Path.Combine(target, "unified"), flags);
        if ((flags & Ms.RDONLY) != 0)
            RootfsApplier.Mount(null, target, null, Ms.REMOUNT | flags, "mode=755", field);
    }

    private void MountUnified(UnifiedHierarchy unified, string at, ulong flags)
    {
        Directory.CreateDirectory(at);
        if (ownCgroupNamespace) RootfsApplier.Mount("cgroup2", at, "cgroup2", flags, null, field);
        else BindOwnCgroup(unified.MountPoint, unified.MountRoot, unified.OwnCgroup, at, flags);
    }

    private void BindOwnCgroup(string mountPoint, string mountRoot, string ownCgroup, string at, ulong flags)
    {
        string relative = ownCgroup.StartsWith(mountRoot, StringComparison.Ordinal) ? ownCgroup[mountRoot.Length..] : ownCgroup;
        string source = mountPoint.TrimEnd('/') + "/" + relative.TrimStart('/');
        RootfsApplier.Mount(source, at, null, Ms.BIND | Ms.REC, null, field);
        ulong remount = flags & ~Ms.BIND;
        if (remount != 0) RootfsApplier.Mount(null, at, null, Ms.BIND | Ms.REMOUNT | remount, null, field);
    }
}
