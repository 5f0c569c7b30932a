using OciRuntime.Core.Launch;
using OciRuntime.Init.Appliers;
using OciRuntime.Init.Seccomp;
using OciRuntime.Linux;
using OciRuntime.Spec;

namespace OciRuntime.Init;

/// <summary>
/// `exec`: the C stage has joined every namespace of the running container (setns into its mount namespace
/// also made the container's root ours), so only the process's own identity remains before execve.
/// The init socket is close-on-exec: the parent reads EOF as "the process is running", an Error frame otherwise.
/// </summary>
public sealed class ExecPipeline(InitConfig config, FrameChannel channel)
{
    public void Run()
    {
        var spec = SpecReader.Read(config.ConfigJson);
        var process = spec.Process ?? throw new InvalidOperationException("/process: missing");
        ConsoleApplier.Apply(process, config.ConsoleSocketFd);
        ProcessAttributesApplier.Apply(process, spec.Linux?.Personality);
        ProcessAttributesApplier.ApplyFinalAffinity(process.ExecCpuAffinity);
        var exec = new ProcessApplier(process, new SeccompApplier(config.Seccomp, listener => ListenerHandOver.Send(channel, listener)));

        exec.Apply();
        string executable = exec.ResolveExecutable();
        Fd.CloseOnExecFrom(3 + config.PreserveFds);
        exec.Exec(executable);
    }
}
