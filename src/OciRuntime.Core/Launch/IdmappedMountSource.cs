using OciRuntime.Linux;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Launch;

/// <summary>
/// Builds an idmapped bind mount as a detached mount for init to attach. MOUNT_ATTR_IDMAP needs CAP_SYS_ADMIN in
/// the user namespace owning the source filesystem (the host's), which init in a new user namespace lacks, so
/// the parent does it: open_tree clones the source, mount_setattr idmaps the clone, and the descriptor goes to
/// init over the init socket.
/// </summary>
public static unsafe class IdmappedMountSource
{
    private const int SYS_open_tree = 428, SYS_mount_setattr = 442;
    private const int AT_FDCWD = -100, AT_EMPTY_PATH = 0x1000, AT_RECURSIVE = 0x8000;
    private const uint OPEN_TREE_CLONE = 1;
    private const ulong MOUNT_ATTR_IDMAP = 0x100000;

    /// <param name="initPid">The container's init, whose user namespace an "idmap" mount without mappings takes.</param>
    public static int Open(Mount mount, int index, string bundle, int initPid)
    {
        string field = $"/mounts/{index}";
        string source = mount.Source ?? throw new RuntimeError($"{field}/source: a bind mount needs a source");
        if (!source.StartsWith('/')) source = Path.Combine(bundle, source);

        int userns = IdmapOptions.HasMappings(mount)
            ? MappedUserNamespace.Open(mount.UidMappings ?? [], mount.GidMappings ?? [], field)
            : SysError.Check(Libc.open($"/proc/{initPid}/ns/user", O.RDONLY | O.CLOEXEC, 0), "open", $"/proc/{initPid}/ns/user");
        try
        {
            int tree;
            fixed (byte* path = System.Text.Encoding.UTF8.GetBytes(source + "\0"))
                tree = (int)Libc.syscall(SYS_open_tree, AT_FDCWD, (nint)path,
                    (nint)(OPEN_TREE_CLONE | O.CLOEXEC | (IdmapOptions.ClonesTree(mount) ? AT_RECURSIVE : 0)), 0, 0);
            if (tree < 0) throw new RuntimeError($"{field}/source: open_tree {source}: {Errno.Describe(Errno.Last)}");

            // struct mount_attr { u64 attr_set, attr_clr, propagation, userns_fd; }
            ulong* attr = stackalloc ulong[4] { MOUNT_ATTR_IDMAP, 0, 0, (ulong)userns };
            byte empty = 0;
            int flags = AT_EMPTY_PATH | (IdmapOptions.IsRecursiveIdmap(mount) ? AT_RECURSIVE : 0);
            if (Libc.syscall(SYS_mount_setattr, tree, (nint)(&empty), flags, (nint)attr, 32) < 0)
            {
                int errno = Errno.Last;
                Libc.close(tree);
                throw new RuntimeError($"{field}: the kernel refused an idmapped mount of {source} ({FsTypeOf(source)}): {Errno.Describe(errno)}");
            }
            return tree;
        }
        finally
        {
            Libc.close(userns);
        }
    }

    private static string FsTypeOf(string path)
    {
        try
        {
            string mountPoint = MountInfo.MountPointOf(path);
            return MountInfo.ReadSelf().LastOrDefault(m => m.MountPoint == mountPoint)?.FsType ?? "unknown filesystem";
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            return "unknown filesystem";
        }
    }
}
