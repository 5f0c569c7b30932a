using OciRuntime.Init.Mounts;
using OciRuntime.Linux;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init.Appliers;

/// <summary>
/// Populates a fresh /dev: the devices every container gets, those listed in linux.devices, and the standard
/// symlinks. Where mknod is not allowed (a user namespace) the host's node is bind-mounted instead.
/// </summary>
public sealed class DeviceApplier(RuntimeSpec spec, string rootfs)
{
    private const uint S_IFCHR = 0x2000, S_IFBLK = 0x6000, S_IFIFO = 0x1000;
    private const uint ReadWriteAll = 0b110_110_110; // 0666

    private static readonly (string Path, uint Major, uint Minor)[] DefaultDevices =
    [
        ("/dev/null", 1, 3), ("/dev/zero", 1, 5), ("/dev/full", 1, 7),
        ("/dev/random", 1, 8), ("/dev/urandom", 1, 9), ("/dev/tty", 5, 0),
    ];

    private static readonly (string Link, string Target)[] Symlinks =
    [
        ("/dev/fd", "/proc/self/fd"), ("/dev/stdin", "/proc/self/fd/0"),
        ("/dev/stdout", "/proc/self/fd/1"), ("/dev/stderr", "/proc/self/fd/2"),
        ("/dev/ptmx", "pts/ptmx"),
    ];

    /// <summary>We only populate /dev when the config gives the container its own (not a bind of the host's).</summary>
    public bool OwnsDev(IReadOnlyList<Mount> mounts) =>
        mounts.Any(m => m.Destination?.TrimEnd('/') == "/dev" && m.Type != "bind" && !MountOptions.Parse(m.Options).IsBind);

    public void Apply()
    {
        uint oldMask = Libc.umask(0);
        try
        {
            foreach (var (path, major, minor) in DefaultDevices) Create(path, S_IFCHR, major, minor, ReadWriteAll, 0, 0, "/linux/devices");
            var devices = spec.Linux?.Devices ?? [];
            for (int i = 0; i < devices.Count; i++)
            {
                var d = devices[i];
                uint kind = d.Type switch { "b" => S_IFBLK, "p" => S_IFIFO, _ => S_IFCHR };
                Create(d.Path!, kind, (uint)(d.Major ?? 0), (uint)(d.Minor ?? 0), d.FileMode ?? ReadWriteAll, d.Uid ?? 0, d.Gid ?? 0, $"/linux/devices/{i}");
            }
        }
        finally
        {
            Libc.umask(oldMask);
        }
        foreach (var (link, target) in Symlinks)
        {
            string at = SecurePath.Join(rootfs, link);
            if (Path.Exists(at) || new FileInfo(at).LinkTarget is not null) File.Delete(at);
            SysError.Check(Libc.symlink(target, at), "symlink", at);
        }
    }

    private void Create(string containerPath, uint kind, uint major, uint minor, uint mode, uint uid, uint gid, string field)
    {
        string target = SecurePath.Join(rootfs, containerPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (Path.Exists(target)) File.Delete(target);
        ulong dev = Makedev(major, minor);
        if (Libc.mknod(target, kind | (mode & 0xfff), dev) == 0)
        {
            SysError.Check(Libc.chown(target, uid, gid), "chown", target);
            return;
        }
        if (Errno.Last != Errno.EPERM) throw new InvalidOperationException($"{field}: mknod {containerPath}: {Errno.Describe(Errno.Last)}");
        // No CAP_MKNOD here (user namespace): borrow the host's node.
        File.WriteAllBytes(target, []);
        RootfsApplier.Mount(containerPath, target, null, Ms.BIND, null, field);
    }

    /// <summary>glibc's makedev: 12 bits of major and 20 of minor split across the 64-bit dev_t.</summary>
    public static ulong Makedev(uint major, uint minor) =>
        ((ulong)(major & 0xfffff000) << 32) | ((ulong)(major & 0xfff) << 8) |
        ((ulong)(minor & 0xffffff00) << 12) | (minor & 0xff);
}
