using OciRuntime.Core.State;
using OciRuntime.Linux;

namespace OciRuntime.Core.Lifecycle;

/// <summary>`kill`: signal init through a pidfd (never a bare pid that may have been reused).</summary>
public sealed class ContainerKiller(StateRoot root)
{
    public void Kill(string id, int signal, bool all)
    {
        using var container = Container.Load(root, id, exclusive: false);
        var status = container.Status;
        if (status is ContainerStatus.Stopped) throw new RuntimeError("container not running");
        if (all)
        {
            container.Cgroup()?.KillAll(signal);
            return;
        }
        using PidFd init = container.OpenInit() ?? throw new RuntimeError("container not running");
        if (!init.Signal(signal)) throw new RuntimeError("container not running");
    }
}
