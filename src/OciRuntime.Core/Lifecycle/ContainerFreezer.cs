using OciRuntime.Cgroups;
using OciRuntime.Core.State;

namespace OciRuntime.Core.Lifecycle;

/// <summary>`pause` and `resume`: every process of the container frozen or thawed through its cgroup.</summary>
public sealed class ContainerFreezer(StateRoot root)
{
    public void Pause(string id)
    {
        using var container = Container.Load(root, id);
        if (container.Status != ContainerStatus.Running)
            throw new RuntimeError($"container not running: {container.Status.ToSpecString()}");
        Cgroup(container).Freeze();
    }

    public void Resume(string id)
    {
        using var container = Container.Load(root, id);
        if (container.Status != ContainerStatus.Paused)
            throw new RuntimeError($"container not paused: {container.Status.ToSpecString()}");
        Cgroup(container).Thaw();
    }

    private static ICgroupManager Cgroup(Container container)
    {
        try
        {
            return container.Cgroup() ?? throw new RuntimeError("the container has no cgroup to freeze");
        }
        catch (CgroupException e)
        {
            throw new RuntimeError(e.Message, ExitCodes.Failure, e);
        }
    }
}
