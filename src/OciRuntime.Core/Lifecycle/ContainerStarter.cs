using OciRuntime.Core.State;
using OciRuntime.Linux;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// `start`: open the exec FIFO as the reader init is waiting for, read its one byte, then wait for end-of-file,
/// which comes when init execs the user's program (its write end is close-on-exec). Polling the FIFO and init's
/// pidfd together means a dead init is an error, never a hang.
/// </summary>
public sealed unsafe class ContainerStarter(StateRoot root, Action<string>? warn = null)
{
    public void Start(string id)
    {
        using var container = Container.Load(root, id);
        switch (container.Status)
        {
            case ContainerStatus.Created: break;
            case ContainerStatus.Stopped: throw new RuntimeError("cannot start a container that has stopped");
            default: throw new RuntimeError("cannot start an already running container");
        }
        using PidFd init = container.OpenInit() ?? throw new RuntimeError("cannot start a container that has stopped");
        string fifoPath = container.Directory.FifoPath;
        int fifo = SysError.Check(Libc.open(fifoPath, O.RDONLY | O.NONBLOCK | O.CLOEXEC, 0), "open", fifoPath);
        try
        {
            WaitForByte(fifo, init);
        }
        finally
        {
            Libc.close(fifo);
        }
        File.Delete(fifoPath);
        // The user's program runs now; a failing poststart hook is a warning, as the spec says.
        var hooks = container.ReadConfig().Hooks?.Poststart;
        if (hooks is { Count: > 0 })
            HookRunner.RunAllWarning("poststart", hooks, container.HookStateJson(ContainerStatus.Running), warn ?? (_ => { }));
    }

    /// <summary>Init's byte says it is past its last check; end-of-file after it says it has exec'd.</summary>
    private static void WaitForByte(int fifo, PidFd init)
    {
        Span<byte> one = stackalloc byte[1];
        while (true)
        {
            var (fifoEvents, initExited) = PollBoth(fifo, init);
            if ((fifoEvents & Poll.IN) != 0 && Fd.Read(fifo, one) == 1)
            {
                WaitForExec(fifo, init);
                return;
            }
            if (initExited) throw new RuntimeError("container init exited before start");
            if ((fifoEvents & Poll.HUP) != 0) throw new RuntimeError("container init closed the exec fifo without starting");
        }
    }

    /// <summary>Returns once init has exec'd the user's program (or died trying), after startContainer hooks.</summary>
    private static void WaitForExec(int fifo, PidFd init)
    {
        Span<byte> rest = stackalloc byte[16];
        while (true)
        {
            var (fifoEvents, initExited) = PollBoth(fifo, init);
            if (initExited) return;
            if ((fifoEvents & (Poll.IN | Poll.HUP)) != 0 && Fd.Read(fifo, rest) == 0) return;
        }
    }

    private static (short FifoEvents, bool InitExited) PollBoth(int fifo, PidFd init)
    {
        PollFd* fds = stackalloc PollFd[2];
        fds[0] = new PollFd { Fd = fifo, Events = Poll.IN };
        fds[1] = new PollFd { Fd = init.Fd, Events = Poll.IN };
        while (true)
        {
            int r = Libc.poll(fds, 2, -1);
            if (r < 0 && Errno.Last == Errno.EINTR) continue;
            SysError.Check(r, "poll", "exec fifo");
            return (fds[0].Revents, (fds[1].Revents & Poll.IN) != 0);
        }
    }
}
