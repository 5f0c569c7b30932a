using OciRuntime.Cgroups;
using OciRuntime.Core.State;
using OciRuntime.Linux;

namespace OciRuntime.Core.Lifecycle;

/// <summary>A recorded container: its directory (locked while this object lives), its facts and its live status.</summary>
public sealed class Container : IDisposable
{
    public ContainerDirectory Directory { get; }
    public RuntimeState State { get; }
    public string Id => State.Id;

    private Container(ContainerDirectory directory, RuntimeState state)
    {
        Directory = directory;
        State = state;
    }

    public static Container Load(StateRoot root, string id, bool exclusive = true)
    {
        var dir = root.Open(id, exclusive);
        var state = dir.ReadState();
        if (state is null)
        {
            dir.Dispose();
            throw new RuntimeError($"container does not exist: {id}");
        }
        return new Container(dir, state);
    }

    /// <summary>Derived from the live process: a pid whose start time differs is someone else, so stopped.</summary>
    public ContainerStatus Status
    {
        get
        {
            if (!IsInitAlive()) return ContainerStatus.Stopped;
            if (File.Exists(Directory.FifoPath)) return ContainerStatus.Created;
            return IsFrozen() ? ContainerStatus.Paused : ContainerStatus.Running;
        }
    }

    private bool IsInitAlive()
    {
        if (State.InitPid <= 0 || ProcFs.StartTime(State.InitPid) != State.InitStartTime) return false;
        return ProcFs.State(State.InitPid) is not ('Z' or 'X' or null);
    }

    private bool IsFrozen()
    {
        if (State.CgroupPaths.TryGetValue("freezer", out string? v1))
            return ReadTrimmed(Path.Combine(v1, "freezer.state")) == "FROZEN";
        if (State.CgroupPaths.TryGetValue(CgroupPathKeys.Unified, out string? v2))
            return ReadTrimmed(Path.Combine(v2, "cgroup.freeze")) == "1";
        return false;
    }

    private static string? ReadTrimmed(string file)
    {
        try { return File.ReadAllText(file).Trim(); }
        catch (IOException) { return null; }
    }

    /// <summary>A pidfd on init, or null when it's gone; opened only after checking it is still our process.</summary>
    public PidFd? OpenInit()
    {
        if (!IsInitAlive()) return null;
        var pidfd = PidFd.TryOpen(State.InitPid);
        // Re-check after opening: the pidfd now pins the process, so this answer can't go stale.
        if (pidfd is not null && ProcFs.StartTime(State.InitPid) != State.InitStartTime)
        {
            pidfd.Dispose();
            return null;
        }
        return pidfd;
    }

    /// <summary>The container's config.json as recorded at create (for its hooks).</summary>
    public Spec.Model.RuntimeSpec ReadConfig() => Spec.SpecReader.Read(File.ReadAllBytes(Directory.ConfigPath));

    /// <summary>The state document hooks read on stdin.</summary>
    public byte[] HookStateJson(ContainerStatus status) =>
        new HookState(State.OciVersion, State.Id, State.Bundle, State.Annotations)
            .ToJson(status.ToSpecString(), status == ContainerStatus.Stopped ? 0 : State.InitPid);

    private ICgroupManager? _cgroup;

    /// <summary>The container's cgroups, from the recorded paths; the host layout is read once per verb.</summary>
    public ICgroupManager? Cgroup() =>
        State.CgroupPaths.Count == 0 ? null : _cgroup ??= CgroupManager.FromPaths(State.CgroupPaths, CgroupLayout.Detect());

    public void Dispose() => Directory.Dispose();
}
