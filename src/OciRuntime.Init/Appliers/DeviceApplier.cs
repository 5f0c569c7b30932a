using System.Runtime.InteropServices;
using OciRuntime.Init.Mounts;
using OciRuntime.Linux;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init.Appliers;

/// <summary>
/// Populates a fresh /dev: the devices every container gets, those listed in linux.devices, and the standard
/// symlinks. Where mknod is not allowed (a user namespace) the host's node is bind-mounted instead.
/// </summary>
public sealed partial class DeviceApplier(RuntimeSpec spec)
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

    public void Apply(RootfsDirectory root)
    {
        uint oldMask = Libc.umask(0);
        try
        {
            foreach (var (path, major, minor) in DefaultDevices) Create(root, path, S_IFCHR, major, minor, ReadWriteAll, 0, 0, "/linux/devices");
            var devices = spec.Linux?.Devices ?? [];
            for (int i = 0; i < devices.Count; i++)
            {
                var d = devices[i];
                uint kind = d.Type switch { "b" => S_IFBLK, "p" => S_IFIFO, _ => S_IFCHR };
                Create(root, d.Path!, kind, (uint)(d.Major ?? 0), (uint)(d.Minor ?? 0), d.FileMode ?? ReadWriteAll, d.Uid ?? 0, d.Gid ?? 0, $"/linux/devices/{i}");
            }
        }
        finally
        {
            Libc.umask(oldMask);
        }
        foreach (var (link, target) in Symlinks)
        {
            using var dir = root.OpenOrCreate(Parent(link), asFile: false);
            string name = Path.GetFileName(link);
            unlinkat(dir.Fd, name, 0);
            if (symlinkat(target, dir.Fd, name) < 0) throw new SysError("symlink", link, Errno.Last);
        }
    }

    /// <summary>
    /// Every node is made relative to a descriptor of its directory, resolved inside the rootfs by the kernel,
    /// so no symlink in the image can put a device node (or a bind of one) outside it.
    /// </summary>
    private static void Create(RootfsDirectory root, string containerPath, uint kind, uint major, uint minor, uint mode,
        uint uid, uint gid, string field)
    {
        using var dir = root.OpenOrCreate(Parent(containerPath), asFile: false);
        string name = Path.GetFileName(containerPath);
        unlinkat(dir.Fd, name, 0);
        if (mknodat(dir.Fd, name, kind | (mode & 0xfff), Makedev(major, minor)) == 0)
        {
            if (fchownat(dir.Fd, name, uid, gid, AT_SYMLINK_NOFOLLOW) < 0) throw new SysError("chown", containerPath, Errno.Last);
            return;
        }
        if (Errno.Last != Errno.EPERM) throw new InvalidOperationException($"{field}: mknod {containerPath}: {Errno.Describe(Errno.Last)}");
        // No CAP_MKNOD here (user namespace): borrow the host's node.
        using var file = root.OpenOrCreate(containerPath, asFile: true);
        RootfsApplier.Mount(containerPath, file.ProcPath, null, Ms.BIND, null, field, containerPath);
    }

    private static string Parent(string path) => Path.GetDirectoryName(path.TrimEnd('/')) ?? "/";

    private const int AT_SYMLINK_NOFOLLOW = 0x100;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mknodat(int dirfd, string name, uint mode, ulong dev);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int fchownat(int dirfd, string name, uint uid, uint gid, int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int unlinkat(int dirfd, string name, int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int symlinkat(string target, int dirfd, string name);

    /// <summary>glibc's makedev: 12 bits of major and 20 of minor split across the 64-bit dev_t.</summary>
    public static ulong Makedev(uint major, uint minor) =>
        ((ulong)(major & 0xfffff000) << 32) | ((ulong)(major & 0xfff) << 8) |
        ((ulong)(minor & 0xffffff00) << 12) | (minor & 0xff);
}
