using System.Runtime.InteropServices;

namespace OciRuntime.Linux;

/// <summary>
/// Starts a program with an exact file-descriptor layout, like Go's ExtraFiles: each (source, target) pair
/// lands at target in the child, every other descriptor of ours stays behind (we open everything O_CLOEXEC).
/// Uses posix_spawn (vfork-like, safe from a multi-threaded runtime), never System.Diagnostics.Process.
/// </summary>
public static unsafe class Spawner
{
    private const short POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08;
    private const int F_DUPFD_CLOEXEC = 1030;

    public static PidFd Spawn(string path, IReadOnlyList<string> argv, IReadOnlyList<string> env,
        IReadOnlyList<(int Source, int Target)> fdMap)
    {
        // Move every source out of the target range first, so one mapping can't clobber another's source.
        var staged = new List<int>();
        void* actions = NativeMemory.AllocZeroed(512);
        void* attr = NativeMemory.AllocZeroed(1024);
        try
        {
            Libc.posix_spawn_file_actions_init(actions);
            foreach (var (source, target) in fdMap)
            {
                int high = SysError.Check(Libc.fcntl(source, F_DUPFD_CLOEXEC, 100), "fcntl(F_DUPFD_CLOEXEC)", $"fd {source}");
                staged.Add(high);
                Check(Libc.posix_spawn_file_actions_adddup2(actions, high, target), "posix_spawn_file_actions_adddup2");
            }

            Libc.posix_spawnattr_init(attr);
            ulong* empty = stackalloc ulong[16];
            ulong* all = stackalloc ulong[16];
            for (int i = 0; i < 16; i++) { empty[i] = 0; all[i] = ulong.MaxValue; }
            Check(Libc.posix_spawnattr_setsigmask(attr, empty), "posix_spawnattr_setsigmask");
            Check(Libc.posix_spawnattr_setsigdefault(attr, all), "posix_spawnattr_setsigdefault");
            Check(Libc.posix_spawnattr_setflags(attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK), "posix_spawnattr_setflags");

            using var strings = new NativeStrings();
            int pid;
            int rc = Libc.posix_spawn(&pid, strings.Add(path), actions, attr, strings.AddArray(argv), strings.AddArray(env));
            if (rc != 0) throw new SysError("posix_spawn", path, rc);
            return PidFd.TryOpen(pid) ?? throw new SysError("pidfd_open", $"pid {pid}", Errno.ESRCH);
        }
        finally
        {
            foreach (int fd in staged) Libc.close(fd);
            Libc.posix_spawn_file_actions_destroy(actions);
            Libc.posix_spawnattr_destroy(attr);
            NativeMemory.Free(actions);
            NativeMemory.Free(attr);
        }
    }

    private static void Check(int rc, string call)
    {
        if (rc != 0) throw new SysError(call, null, rc);
    }
}
