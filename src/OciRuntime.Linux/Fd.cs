namespace OciRuntime.Linux;

/// <summary>Blocking whole-buffer reads and writes on raw file descriptors.</summary>
public static unsafe class Fd
{
    public static void WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            int done = 0;
            while (done < data.Length)
            {
                nint n = Libc.write(fd, p + done, data.Length - done);
                if (n < 0)
                {
                    if (Errno.Last == Errno.EINTR) continue;
                    throw new SysError("write", $"fd {fd}", Errno.Last);
                }
                done += (int)n;
            }
        }
    }

    /// <summary>Reads exactly <paramref name="buffer"/>.Length bytes; returns false on EOF before the first byte.</summary>
    public static bool ReadExactly(int fd, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            int done = 0;
            while (done < buffer.Length)
            {
                nint n = Libc.read(fd, p + done, buffer.Length - done);
                if (n < 0)
                {
                    if (Errno.Last == Errno.EINTR) continue;
                    throw new SysError("read", $"fd {fd}", Errno.Last);
                }
                if (n == 0)
                {
                    if (done == 0) return false;
                    throw new EndOfStreamException($"short read on fd {fd}: got {done} of {buffer.Length} bytes");
                }
                done += (int)n;
            }
            return true;
        }
    }

    public static int Read(int fd, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            while (true)
            {
                nint n = Libc.read(fd, p, buffer.Length);
                if (n >= 0) return (int)n;
                if (Errno.Last != Errno.EINTR) throw new SysError("read", $"fd {fd}", Errno.Last);
            }
        }
    }

    public static void Close(int fd)
    {
        if (fd >= 0) Libc.close(fd);
    }

    public static (int Parent, int Child) SocketPair(int type)
    {
        int* sv = stackalloc int[2];
        SysError.Check(Libc.socketpair(Af.UNIX, type | Af.SOCK_CLOEXEC, 0, sv), "socketpair");
        return (sv[0], sv[1]);
    }

    public static void SetCloseOnExec(int fd, bool on)
    {
        const int F_GETFD = 1, F_SETFD = 2, FD_CLOEXEC = 1;
        int flags = SysError.Check(Libc.fcntl(fd, F_GETFD, 0), "fcntl(F_GETFD)");
        flags = on ? flags | FD_CLOEXEC : flags & ~FD_CLOEXEC;
        SysError.Check(Libc.fcntl(fd, F_SETFD, flags), "fcntl(F_SETFD)");
    }

    /// <summary>Marks every descriptor from <paramref name="first"/> up close-on-exec (close_range CLOSE_RANGE_CLOEXEC).</summary>
    public static void CloseOnExecFrom(int first)
    {
        const int CLOSE_RANGE_CLOEXEC = 1 << 2;
        nint r = Libc.syscall(Sys.CloseRange, first, unchecked((nint)uint.MaxValue), CLOSE_RANGE_CLOEXEC, 0, 0);
        if (r >= 0) return;
        int error = Errno.Last;
        // A seccomp profile older than close_range (5.9) answers ENOSYS or EPERM for it: mark them one by one.
        if (error is not (Errno.ENOSYS or Errno.EPERM)) throw new SysError("close_range", $"{first}..", error);
        foreach (string entry in Directory.GetFileSystemEntries("/proc/self/fd"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out int fd) || fd < first) continue;
            int flags = Libc.fcntl(fd, 1 /* F_GETFD */, 0);
            if (flags >= 0) Libc.fcntl(fd, 2 /* F_SETFD */, flags | 1 /* FD_CLOEXEC */);
        }
    }
}
