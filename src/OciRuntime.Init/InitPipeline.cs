using OciRuntime.Core;
using OciRuntime.Core.Launch;
using OciRuntime.Init.Appliers;
using OciRuntime.Linux;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init;

/// <summary>
/// The container's setup in runc's order. Each step is one applier; reordering them is a reviewed change,
/// not an accident: mounts before pivot_root, identity after, FIFO wait last, then execve.
/// </summary>
public sealed class InitPipeline(InitConfig config, FrameChannel channel)
{
    public void Run()
    {
        var timings = new List<string>();
        var clock = new StageClock("init", config.Debug ? timings.Add : null);
        RuntimeSpec spec = SpecReader.Read(config.ConfigJson);
        Process process = spec.Process ?? throw new InvalidOperationException("/process: missing");
        clock.Mark("config parsed");

        new RootfsApplier(spec, config.Rootfs, config.Bundle, config.NoPivot).Apply();
        clock.Mark("rootfs ready");
        new HostnameApplier(spec).Apply();

        // With --debug, Ready carries init's own stage timings for the parent to log.
        channel.SendText(FrameType.Ready, string.Join('\n', timings));
        Frame? go = channel.Receive();
        if (go?.Type != FrameType.Run) throw new InvalidOperationException("the parent did not confirm the container was recorded");

        var exec = new ProcessApplier(process);
        exec.Apply();
        string executable = exec.ResolveExecutable();

        // Closing the socket tells `create` that setup is complete and it may exit.
        channel.Dispose();
        ExecFifo.WaitForStart(config.FifoFd);
        Fd.CloseOnExecFrom(3 + config.PreserveFds);
        exec.Exec(executable);
    }
}
