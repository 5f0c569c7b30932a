using OciRuntime.Linux;

namespace OciRuntime.Init.Mounts;

/// <summary>move_mount(2): attaches a detached mount (from open_tree) onto a target held as a descriptor.</summary>
public static class MoveMount
{
    private const int SYS_move_mount = 429;
    private const uint MOVE_MOUNT_F_EMPTY_PATH = 0x4, MOVE_MOUNT_T_EMPTY_PATH = 0x40;

    public static unsafe void Attach(int mountFd, PinnedPath target, string field, string shownAs)
    {
        byte empty = 0;
        if (Libc.syscall(SYS_move_mount, mountFd, (nint)(&empty), target.Fd, (nint)(&empty),
                (nint)(MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH)) < 0)
            throw new InvalidOperationException($"{field}: move_mount of the idmapped mount onto {shownAs}: {Errno.Describe(Errno.Last)}");
    }
}
