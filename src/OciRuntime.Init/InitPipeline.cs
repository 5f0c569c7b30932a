using System.Text;
using OciRuntime.Core;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.Launch;
using OciRuntime.Init.Appliers;
using OciRuntime.Init.Mounts;
using OciRuntime.Init.Seccomp;
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
    /// <summary>
    /// prestart and createRuntime run in the runtime's namespaces, so the parent runs them while we wait;
    /// createContainer runs here, in the container's namespaces, before pivot_root.
    /// </summary>
    private void RunCreateHooks(RuntimeSpec spec)
    {
        if (spec.Hooks?.Prestart is { Count: > 0 } || spec.Hooks?.CreateRuntime is { Count: > 0 })
        {
            channel.Send(FrameType.HooksPlease);
            Frame? done = channel.Receive();
            if (done?.Type != FrameType.HooksDone) throw new InvalidOperationException("the parent did not finish the createRuntime hooks");
        }
        HookRunner.RunAll("createContainer", spec.Hooks?.CreateContainer, Encoding.UTF8.GetBytes(config.CreatingStateJson));
    }

    public void Run()
    {
        var timings = new List<string>();
        var clock = new StageClock("init", config.Debug ? timings.Add : null);
        RuntimeSpec spec = SpecReader.Read(config.ConfigJson);
        Process process = spec.Process ?? throw new InvalidOperationException("/process: missing");
        clock.Mark("config parsed");
        if (!config.NoNewKeyring) SessionKeyringApplier.Join(config.Id);

        new RootfsApplier(spec, config.Rootfs, config.Bundle, config.NoPivot, config.OverlayDir,
            index => IdmappedMountRequest.Ask(channel, index)).Apply(beforePivot: () => RunCreateHooks(spec));
        clock.Mark("rootfs ready");
        new HostnameApplier(spec).Apply();
        LoopbackApplier.Apply(spec);
        ConsoleApplier.Apply(process, config.ConsoleSocketFd);

        // With --debug, Ready carries init's own stage timings for the parent to log.
        channel.SendText(FrameType.Ready, string.Join('\n', timings));
        Frame? go = channel.Receive();
        if (go?.Type != FrameType.Run) throw new InvalidOperationException("the parent did not confirm the container was recorded");

        process.Env = [.. process.Env ?? [], .. config.ExtraEnv];
        ProcessAttributesApplier.Apply(process, spec.Linux?.Personality);
        var exec = new ProcessApplier(process, new SeccompApplier(config.Seccomp, listener => ListenerHandOver.Send(channel, listener)));

        exec.Apply();
        string executable = exec.ResolveExecutable();

        // Closing the socket tells `create` that setup is complete and it may exit.
        channel.Dispose();
        ExecFifo.WaitForStart(config.FifoFd);
        // In the container's namespaces, after start and before the user's program; a failure stops the container.
        HookRunner.RunAll("startContainer", spec.Hooks?.StartContainer, Encoding.UTF8.GetBytes(config.CreatedStateJson));
        Fd.CloseOnExecFrom(3 + config.PreserveFds);
        exec.Exec(executable);
    }
}
