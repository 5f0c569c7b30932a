using OciRuntime.Core.State;
using OciRuntime.Linux;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// `delete`: a stopped or never-started container is removed; a running one only with --force (SIGKILL first).
/// Removes every cgroup directory and the state directory.
/// </summary>
public sealed class ContainerDeleter(StateRoot root)
{
    public void Delete(string id, bool force)
    {
        Container container;
        try
        {
            container = Container.Load(root, id);
        }
        catch (RuntimeError) when (force)
        {
            root.TryOpen(id)?.Remove();
            return;
        }
        using (container)
        {
            var status = container.Status;
            if (status is ContainerStatus.Running or ContainerStatus.Paused && !force)
                throw new RuntimeError($"cannot delete container {id} that is not stopped: {status.ToSpecString()}");
            if (status is not ContainerStatus.Stopped) KillInit(container);
            Destroy(container);
        }
    }

    internal static void KillInit(Container container)
    {
        using PidFd? init = container.OpenInit();
        if (init is null) return;
        var cgroup = container.Cgroup();
        // A frozen cgroup holds SIGKILL until thawed.
        init.Signal(Signals.SIGKILL);
        if (!init.WaitExited(10_000)) throw new RuntimeError($"container init (pid {init.Pid}) did not exit after SIGKILL");
        cgroup?.KillAll(Signals.SIGKILL);
    }

    internal static void Destroy(Container container)
    {
        container.Cgroup()?.Destroy();
        container.Directory.Remove();
    }
}
