namespace OciRuntime.Linux;

/// <summary>
/// A pidfd: a handle on one process that can't be confused with a later process reusing the pid.
/// </summary>
public sealed unsafe class PidFd : IDisposable
{
    public int Fd { get; private set; }
    public int Pid { get; }

    private PidFd(int fd, int pid)
    {
        Fd = fd;
        Pid = pid;
    }

    /// <summary>Opens a pidfd, or returns null when the process no longer exists.</summary>
    public static PidFd? TryOpen(int pid)
    {
        nint fd = Libc.syscall(Sys.PidfdOpen, pid, 0, 0, 0, 0);
        if (fd < 0)
        {
            int e = Errno.Last;
            if (e == Errno.ESRCH) return null;
            throw new SysError("pidfd_open", $"pid {pid}", e);
        }
        Linux.Fd.SetCloseOnExec((int)fd, true);
        return new PidFd((int)fd, pid);
    }

    /// <summary>Sends a signal; returns false if the process has already exited.</summary>
    public bool Signal(int signal)
    {
        nint r = Libc.syscall(Sys.PidfdSendSignal, Fd, signal, 0, 0, 0);
        if (r == 0) return true;
        int e = Errno.Last;
        if (e == Errno.ESRCH) return false;
        throw new SysError("pidfd_send_signal", $"pid {Pid}", e);
    }

    /// <summary>Waits until the process exits (pidfd becomes readable). Returns false on timeout.</summary>
    public bool WaitExited(int timeoutMs)
    {
        var pfd = new PollFd { Fd = Fd, Events = Poll.IN };
        long deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            int remaining = timeoutMs < 0 ? -1 : (int)Math.Max(0, deadline - Environment.TickCount64);
            int r = Libc.poll(&pfd, 1, remaining);
            if (r > 0) return true;
            if (r == 0) return false;
            if (Errno.Last != Errno.EINTR) throw new SysError("poll", $"pidfd of {Pid}", Errno.Last);
        }
    }

    /// <summary>Reaps our own child and returns its wait status as a shell would report it (128+signal when killed).</summary>
    public int WaitForExitCode()
    {
        const int P_PIDFD = 3, WEXITED = 4, CLD_EXITED = 1;
        SigInfo info;
        while (true)
        {
            int r = Libc.waitid(P_PIDFD, (uint)Fd, &info, WEXITED);
            if (r == 0) break;
            if (Errno.Last != Errno.EINTR) throw new SysError("waitid", $"pid {Pid}", Errno.Last);
        }
        return info.Code == CLD_EXITED ? info.Status : 128 + info.Status;
    }

    public void Dispose()
    {
        if (Fd >= 0) Libc.close(Fd);
        Fd = -1;
    }
}

public static class Poll
{
    public const short IN = 1, PRI = 2, OUT = 4, ERR = 8, HUP = 16, NVAL = 32;
}
