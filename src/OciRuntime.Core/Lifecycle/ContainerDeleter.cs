using OciRuntime.Core.State;
using OciRuntime.Linux;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// `delete`: a stopped or never-started container is removed; a running one only with --force (SIGKILL first).
/// Removes every cgroup directory and the state directory.
/// </summary>
public sealed class ContainerDeleter(StateRoot root, Action<string>? warn = null)
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
            var config = ReadConfig(container);
            // Devices go back while the namespace still exists (the running init's, or one joined by path).
            if (config?.Linux?.NetDevices is { Count: > 0 } && NetDeviceHandover.NamespacePath(config.Linux,
                    status is ContainerStatus.Stopped ? 0 : container.State.InitPid) is { } netns)
                NetDeviceHandover.MoveOut(config.Linux, netns, warn ?? (_ => { }));
            if (status is not ContainerStatus.Stopped) KillInit(container, status);
            var poststop = config?.Hooks?.Poststop;
            Destroy(container);
            // After the container is gone; failures are warnings and the rest still run.
            if (poststop is { Count: > 0 })
                HookRunner.RunAllWarning("poststop", poststop, container.HookStateJson(ContainerStatus.Stopped), warn ?? (_ => { }));
        }
    }

    /// <summary>A damaged config copy must not make a container undeletable: it only costs the poststop hooks and device return.</summary>
    private Spec.Model.RuntimeSpec? ReadConfig(Container container)
    {
        try
        {
            return container.ReadConfig();
        }
        catch (Exception e) when (e is Spec.SpecException or IOException)
        {
            warn?.Invoke($"poststop hooks not run: {e.Message}");
            return null;
        }
    }

    private static void KillInit(Container container, ContainerStatus status)
    {
        using PidFd? init = container.OpenInit();
        if (init is null) return;
        var cgroup = container.Cgroup();
        init.Signal(Signals.SIGKILL);
        // A frozen cgroup holds SIGKILL until thawed.
        if (status == ContainerStatus.Paused) cgroup?.Thaw();
        if (!init.WaitExited(10_000)) throw new RuntimeError($"container init (pid {init.Pid}) did not exit after SIGKILL");
        cgroup?.KillAll(Signals.SIGKILL);
    }

    private static void Destroy(Container container)
    {
        container.Cgroup()?.Destroy();
        container.Directory.Remove();
    }
}
