using OciRuntime.Init.Mounts;
using OciRuntime.Linux;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init.Appliers;

/// <summary>Performs one entry of config.json's mounts array inside the rootfs.</summary>
public sealed class MountEntryApplier(Mount mount, int index, string rootfs, string bundle, bool ownCgroupNamespace)
{
    private string Field(string name) => $"/mounts/{index}/{name}";

    public void Apply()
    {
        var options = MountOptions.Parse(mount.Options);
        string type = mount.Type ?? "";
        string target = SecurePath.Join(rootfs, mount.Destination!);
        bool bind = options.IsBind || type == "bind";

        if (type == "cgroup")
        {
            new CgroupMountApplier(target, options, Field("type"), ownCgroupNamespace).Apply();
            return;
        }
        if (bind) ApplyBind(target, options);
        else
        {
            Directory.CreateDirectory(target);
            RootfsApplier.Mount(mount.Source ?? type, target, type, options.Flags, options.Data, Field("destination"));
        }
        if (options.Propagation != 0)
            RootfsApplier.Mount(null, target, null, options.Propagation, null, Field("options"));
    }

    private void ApplyBind(string target, MountOptions options)
    {
        string source = mount.Source ?? throw new InvalidOperationException($"{Field("source")}: a bind mount needs a source");
        if (!source.StartsWith('/')) source = Path.Combine(bundle, source);
        if (!Path.Exists(source)) throw new InvalidOperationException($"{Field("source")}: {source} does not exist");

        CreateTargetLike(source, target);
        RootfsApplier.Mount(source, target, null, Ms.BIND | (options.Flags & Ms.REC), null, Field("source"));
        // A bind mount ignores every other flag on the first call; they take effect on a remount.
        if (options.RemountFlags != 0)
            RootfsApplier.Mount(null, target, null, Ms.BIND | Ms.REMOUNT | options.RemountFlags, null, Field("options"));
    }

    /// <summary>A directory is mounted on a directory, anything else (file, device, socket) on an empty file.</summary>
    internal static void CreateTargetLike(string source, string target)
    {
        if (Directory.Exists(source))
        {
            Directory.CreateDirectory(target);
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!Path.Exists(target)) File.WriteAllBytes(target, []);
    }
}
