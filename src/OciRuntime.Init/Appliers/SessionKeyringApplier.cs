using System.Runtime.InteropServices;
using System.Text;
using OciRuntime.Linux;

namespace OciRuntime.Init.Appliers;

/// <summary>
/// Gives the container a session keyring of its own, named after its id, so its processes neither see nor add to
/// the keys of whoever ran the runtime (runc's behaviour unless --no-new-keyring). The keyring's user is granted
/// view, read and search on top of the kernel's defaults, as runc does, so tools in the container can list it.
/// </summary>
public static unsafe class SessionKeyringApplier
{
    private const int SYS_keyctl = 250, KEYCTL_JOIN_SESSION_KEYRING = 1, KEYCTL_SETPERM = 5, KEYCTL_DESCRIBE = 6;
    private const uint KEY_POS_SEARCH = 0x08000000, KEY_USR_VIEW = 0x00010000, KEY_USR_READ = 0x00020000, KEY_USR_SEARCH = 0x00080000;

    public static void Join(string containerId)
    {
        byte[] name = Encoding.UTF8.GetBytes(containerId + "\0");
        nint serial;
        fixed (byte* n = name) serial = Libc.syscall(SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, (nint)n, 0, 0, 0);
        if (serial < 0)
        {
            // Kernels built without keys, or a seccomp'd outer sandbox: runc carries on the same way.
            if (Errno.Last == Errno.ENOSYS) return;
            throw new SysError("keyctl(KEYCTL_JOIN_SESSION_KEYRING)", containerId, Errno.Last);
        }
        uint permissions = CurrentPermissions(serial) | KEY_POS_SEARCH | KEY_USR_VIEW | KEY_USR_READ | KEY_USR_SEARCH;
        if (Libc.syscall(SYS_keyctl, KEYCTL_SETPERM, serial, (nint)permissions, 0, 0) < 0)
            throw new SysError("keyctl(KEYCTL_SETPERM)", containerId, Errno.Last);
    }

    /// <summary>KEYCTL_DESCRIBE answers "type;uid;gid;perm;description" with perm in hex.</summary>
    private static uint CurrentPermissions(nint serial)
    {
        byte* buffer = stackalloc byte[512];
        nint length = Libc.syscall(SYS_keyctl, KEYCTL_DESCRIBE, serial, (nint)buffer, 512, 0);
        if (length < 0) throw new SysError("keyctl(KEYCTL_DESCRIBE)", null, Errno.Last);
        string description = Marshal.PtrToStringUTF8((nint)buffer)!;
        return Convert.ToUInt32(description.Split(';')[3], 16);
    }
}
