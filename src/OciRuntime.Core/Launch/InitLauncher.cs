using System.Buffers.Binary;
using OciRuntime.Cgroups;
using OciRuntime.Linux;
using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Launch;

/// <summary>
/// Parent side of container init: spawn `ociruntime init`, put it in its cgroup, release the C stage with the
/// bootstrap, serve its id-map request, learn the final pid, hand over the init configuration and wait for Ready.
/// </summary>
public sealed class InitLauncher(RuntimeSpec spec, InitConfig config, string fifoPath, ICgroupManager? cgroup, Action<string>? debug = null)
{
    private const string SelfExe = "/proc/self/exe";

    /// <summary>
    /// How long init may stay silent during setup. Generous (a mount of a slow filesystem is legitimate), but a
    /// stalled init must fail create with the stage named, not hang the engine that called us.
    /// </summary>
    public const int SetupTimeoutMs = 120_000;

    /// <summary>Starts init and returns once it has built the container and is ready to be recorded.</summary>
    public RunningInit Launch()
    {
        var (parentEnd, childEnd) = Fd.SocketPair(Af.SOCK_STREAM);
        var channel = new FrameChannel(parentEnd);
        int fifo = SysError.Check(Libc.open(fifoPath, O.PATH | O.CLOEXEC, 0), "open", fifoPath);
        PidFd stage1;
        try
        {
            var fds = new List<(int, int)>();
            for (int i = 0; i < config.PreserveFds; i++) fds.Add((3 + i, 3 + i));
            fds.Add((childEnd, InitFds.InitPipe(config.PreserveFds)));
            fds.Add((fifo, InitFds.Fifo(config.PreserveFds)));
            config.FifoFd = InitFds.Fifo(config.PreserveFds);
            string[] env = [$"{InitFds.InitPipeEnv}={InitFds.InitPipe(config.PreserveFds)}"];
            stage1 = Spawner.Spawn(SelfExe, ["ociruntime", "init"], env, fds);
        }
        catch
        {
            channel.Dispose();
            throw;
        }
        finally
        {
            Libc.close(childEnd);
            Libc.close(fifo);
        }

        var init = new RunningInit(channel);
        try
        {
            using (stage1)
            {
                // Nothing of the container runs outside its cgroup: place stage 1 before it may proceed.
                cgroup?.Apply(stage1.Pid);
                var plan = NamespacePlan.From(spec.Linux);
                channel.Send(FrameType.Bootstrap, new BootstrapMessage(plan.CloneFlags, plan.Joins, spec.Process?.OomScoreAdj).Encode());
                init.Attach(ServeStage1(channel, stage1.Pid));
                int status = stage1.WaitForExitCode();
                if (status != 0) throw new RuntimeError($"container init's first stage exited with status {status}");
            }
            channel.Send(FrameType.InitConfig, config.ToJson());
            Frame ready = Expect(channel, FrameType.Ready, "while setting up the container");
            if (ready.Payload.Length > 0) foreach (string line in ready.Text.Split('\n')) debug?.Invoke(line);
            return init;
        }
        catch
        {
            init.Kill();
            init.Dispose();
            throw;
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
                    IdMapWriter.Write(stage1Pid, spec.Linux!);
                    channel.Send(FrameType.UsermapAck);
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

    internal static Frame Expect(FrameChannel channel, FrameType expected, string during)
    {
        Frame? frame = Receive(channel, during);
        if (frame is null) throw new RuntimeError($"container init exited {during}");
        if (frame.Value.Type == FrameType.Error) throw new RuntimeError(frame.Value.Text);
        if (frame.Value.Type != expected) throw new RuntimeError($"container init sent {frame.Value.Type} {during}, expected {expected}");
        return frame.Value;
    }
}

/// <summary>The container's init process while `create` still talks to it.</summary>
public sealed class RunningInit(FrameChannel channel) : IDisposable
{
    public PidFd? Process { get; private set; }
    public int Pid => Process?.Pid ?? 0;

    internal void Attach(int pid) => Process = PidFd.TryOpen(pid) ?? throw new RuntimeError($"container init (pid {pid}) exited during setup");

    /// <summary>Lets init go on to its final checks and the exec FIFO; returns when it closes the socket.</summary>
    public void Release()
    {
        channel.Send(FrameType.Run);
        Frame? frame = InitLauncher.Receive(channel, "after being recorded");
        if (frame?.Type == FrameType.Error) throw new RuntimeError(frame.Value.Text);
        if (frame is not null) throw new RuntimeError($"container init sent {frame.Value.Type} after Run");
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
