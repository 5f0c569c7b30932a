using System.Buffers.Binary;
using OciRuntime.Cgroups;
using OciRuntime.Linux;
using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Launch;

/// <summary>
/// Parent side of starting a process in a container: spawn `ociruntime init`, put it in its cgroup, release the
/// C stage with the bootstrap, serve its id-map request, learn the final pid and hand over the init configuration.
/// For `create` init then builds the container and reports Ready; for `exec` it execs the process straight away.
/// </summary>
public sealed class InitLauncher(InitConfig config, BootstrapMessage bootstrap, LinuxSpec? linux, string? fifoPath,
    ICgroupManager? cgroup, Action<string>? debug = null, Action<int>? runtimeHooks = null, string? consoleSocket = null,
    int consoleSocketFd = -1)
{

    /// <summary>
    /// How long init may stay silent during setup. Generous (a mount of a slow filesystem is legitimate), but a
    /// stalled init must fail create with the stage named, not hang the engine that called us.
    /// </summary>
    public const int SetupTimeoutMs = 120_000;

    /// <summary>`create`: returns once init has built the container and is ready to be recorded.</summary>
    public RunningInit LaunchContainer() => Launch(init =>
    {
        Frame ready = Expect(init.Channel, FrameType.Ready, "while setting up the container", init, runtimeHooks, IdmappedMount);
        if (ready.Payload.Length > 0) foreach (string line in ready.Text.Split('\n')) debug?.Invoke(line);
    });

    /// <summary>`exec`: returns once the process has replaced init (the socket closes on execve).</summary>
    public RunningInit LaunchProcess() => Launch(init =>
    {
        Frame? frame = init.ReceiveAfterSetup("before starting the process");
        if (frame?.Type == FrameType.Error) throw new RuntimeError(frame.Value.Text);
        if (frame is not null) throw new RuntimeError($"exec init sent an unexpected {frame.Value.Type} frame");
    });

    /// <summary>Set by the caller to fill the hook state documents once init's pid is known.</summary>
    public Action<InitConfig, int>? RenderHookStates { get; init; }

    /// <summary>Work in init's namespaces from outside (moving network devices in) once its pid is known.</summary>
    public Action<int>? PrepareNamespaces { get; init; }

    /// <summary>Undoes <see cref="PrepareNamespaces"/> if setup fails, before init (and its namespaces) are killed.</summary>
    public Action<int>? UndoNamespaces { get; init; }
    /// <summary>Builds the detached idmapped mount for a mounts index, given init's pid (see <see cref="IdmappedMountSource"/>).</summary>
    public Func<int, int, int>? IdmappedMount { get; init; }

    /// <summary>Where a seccomp listener init hands over goes (linux.seccomp.listenerPath), if the profile notifies.</summary>
    public SeccompListenerTarget? SeccompListener { get; init; }

    private RunningInit Launch(Action<RunningInit> awaitSetup)
    {
        var (parentEnd, childEnd) = Fd.SocketPair(Af.SOCK_STREAM);
        var channel = new FrameChannel(parentEnd);
        int fifo = fifoPath is null ? -1 : SysError.Check(Libc.open(fifoPath, O.PATH | O.CLOEXEC, 0), "open", fifoPath);
        int console = -1;
        PidFd stage1;
        try
        {
            var fds = new List<(int, int)>();
            for (int i = 0; i < config.PreserveFds; i++) fds.Add((3 + i, 3 + i));
            fds.Add((childEnd, InitFds.InitPipe(config.PreserveFds)));
            if (fifo >= 0) fds.Add((fifo, InitFds.Fifo(config.PreserveFds)));
            config.FifoFd = fifo >= 0 ? InitFds.Fifo(config.PreserveFds) : -1;
            if (consoleSocket is not null || consoleSocketFd >= 0)
            {
                console = consoleSocket is not null ? ConnectConsole(consoleSocket)
                    : SysError.Check(Libc.fcntl(consoleSocketFd, 1030 /* F_DUPFD_CLOEXEC */, 3), "fcntl(F_DUPFD_CLOEXEC)");
                fds.Add((console, InitFds.ConsoleSocket(config.PreserveFds)));
                config.ConsoleSocketFd = InitFds.ConsoleSocket(config.PreserveFds);
            }
            string[] env = [$"{InitFds.InitPipeEnv}={InitFds.InitPipe(config.PreserveFds)}"];
            using var self = SealedExecutable.CopyOfSelf();
            stage1 = Spawner.Spawn(self.ExecPath, ["ociruntime", "init"], env, fds);
        }
        catch
        {
            channel.Dispose();
            throw;
        }
        finally
        {
            Libc.close(childEnd);
            if (fifo >= 0) Libc.close(fifo);
            if (console >= 0) Libc.close(console);
        }

        var init = new RunningInit(channel, SeccompListener);
        bool prepared = false;
        try
        {
            using (stage1)
            {
                // Nothing of the container runs outside its cgroup: place stage 1 before it may proceed.
                cgroup?.Apply(stage1.Pid);
                channel.Send(FrameType.Bootstrap, bootstrap.Encode());
                init.Attach(ServeStage1(channel, stage1.Pid));
                int status = stage1.WaitForExitCode();
                if (status != 0) throw new RuntimeError($"container init's first stage exited with status {status}");
            }
            PrepareNamespaces?.Invoke(init.Pid);
            prepared = true;
            RenderHookStates?.Invoke(config, init.Pid);
            channel.Send(FrameType.InitConfig, config.ToJson());
            awaitSetup(init);
            return init;
        }
        catch
        {
            if (prepared) UndoNamespaces?.Invoke(init.Pid);
            init.Kill();
            init.Dispose();
            throw;
        }
    }

    private static int ConnectConsole(string path)
    {
        try
        {
            return UnixSocket.Connect(path);
        }
        catch (SysError e)
        {
            throw new RuntimeError($"--console-socket: {e.Message}");
        }
    }

    /// <summary>Answers the C stage until it reports the pid of the container's init.</summary>
    private int ServeStage1(FrameChannel channel, int stage1Pid)
    {
        while (true)
        {
            Frame frame = Receive(channel, "before reporting its pid") ?? throw new RuntimeError("container init exited before reporting its pid");
            switch (frame.Type)
            {
                case FrameType.UsermapPlease:
                    IdMapWriter.Write(stage1Pid, linux!);
                    channel.Send(FrameType.UsermapAck);
                    break;
                case FrameType.TimeOffsetsPlease:
                    TimeOffsetsWriter.Write(stage1Pid, linux!);
                    channel.Send(FrameType.TimeOffsetsAck);
                    break;
                case FrameType.Pids when frame.Payload.Length == 8:
                    return BinaryPrimitives.ReadInt32LittleEndian(frame.Payload.AsSpan(4));
                case FrameType.Error:
                    throw new RuntimeError($"container init failed: {frame.Text}");
                default:
                    throw new RuntimeError($"container init sent an unexpected {frame.Type} frame before its pid");
            }
        }
    }

    private static void SendIdmappedMount(FrameChannel channel, Frame request, int initPid, Func<int, int, int>? idmappedMount)
    {
        if (idmappedMount is null || request.Payload.Length != 4) throw new RuntimeError("container init asked for an idmapped mount unexpectedly");
        int index = BinaryPrimitives.ReadInt32LittleEndian(request.Payload);
        int mountFd = idmappedMount(index, initPid);
        try { UnixSocket.SendFd(channel.Fd, mountFd, "mount"); }
        finally { Libc.close(mountFd); }
    }

    internal static Frame? Receive(FrameChannel channel, string during)
    {
        try
        {
            return channel.Receive(SetupTimeoutMs);
        }
        catch (TimeoutException e)
        {
            throw new RuntimeError($"container init stalled {during}: {e.Message}");
        }
    }

    internal static Frame Expect(FrameChannel channel, FrameType expected, string during,
        RunningInit? init = null, Action<int>? runtimeHooks = null, Func<int, int, int>? idmappedMount = null)
    {
        Frame? frame = Receive(channel, during);
        while (init is not null && frame?.Type is FrameType.HooksPlease or FrameType.MountFdPlease)
        {
            if (frame.Value.Type == FrameType.HooksPlease)
            {
                // prestart and createRuntime hooks run here, in the runtime's namespaces, while init waits.
                runtimeHooks?.Invoke(init.Pid);
                channel.Send(FrameType.HooksDone);
            }
            else SendIdmappedMount(channel, frame.Value, init.Pid, idmappedMount);
            frame = Receive(channel, during);
        }
        if (frame is null) throw new RuntimeError($"container init exited {during}");
        if (frame.Value.Type == FrameType.Error) throw new RuntimeError(frame.Value.Text);
        if (frame.Value.Type != expected) throw new RuntimeError($"container init sent {frame.Value.Type} {during}, expected {expected}");
        return frame.Value;
    }
}

/// <summary>The container's init process while `create` still talks to it.</summary>
public sealed class RunningInit(FrameChannel channel, SeccompListenerTarget? seccompListener = null) : IDisposable
{
    internal FrameChannel Channel => channel;

    public PidFd? Process { get; private set; }
    public int Pid => Process?.Pid ?? 0;

    /// <summary>Hands the process's pidfd to the caller, who now owns it (and waits on it).</summary>
    public PidFd TakeProcess()
    {
        var process = Process ?? throw new InvalidOperationException("no process attached");
        Process = null;
        return process;
    }

    internal void Attach(int pid) => Process = PidFd.TryOpen(pid) ?? throw new RuntimeError($"container init (pid {pid}) exited during setup");

    /// <summary>Lets init go on to its final checks and the exec FIFO; returns when it closes the socket.</summary>
    public void Release()
    {
        channel.Send(FrameType.Run);
        Frame? frame = ReceiveAfterSetup("after being recorded");
        if (frame?.Type == FrameType.Error) throw new RuntimeError(frame.Value.Text);
        if (frame is not null) throw new RuntimeError($"container init sent {frame.Value.Type} after Run");
    }

    /// <summary>The next frame once init applies the process's identity, passing on any seccomp listener it sends first.</summary>
    internal Frame? ReceiveAfterSetup(string during)
    {
        while (true)
        {
            Frame? frame = InitLauncher.Receive(channel, during);
            if (frame?.Type != FrameType.SeccompListener) return frame;
            if (seccompListener is null) throw new RuntimeError("container init sent a seccomp listener but the config has no listenerPath");
            SeccompListenerDelivery.Deliver(channel, Pid, seccompListener);
        }
    }

    public void Kill()
    {
        if (Process is null) return;
        Process.Signal(Signals.SIGKILL);
        Process.WaitExited(5000);
    }

    public void Dispose()
    {
        channel.Dispose();
        Process?.Dispose();
    }
}
