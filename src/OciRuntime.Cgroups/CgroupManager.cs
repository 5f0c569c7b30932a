using System.Globalization;
using OciRuntime.Linux;

namespace OciRuntime.Cgroups;

/// <summary>The cgroupfs driver: manages the container's cgroup directories directly, like runc's fs/fs2 managers.</summary>
public sealed class CgroupManager : ICgroupManager
{
    private const int KillRounds = 10;
    private static readonly TimeSpan KillRoundPause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan DestroyBusyBudget = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyList<CgroupTarget> _targets;

    internal CgroupManager(IReadOnlyList<CgroupTarget> targets)
    {
        _targets = targets;
        Paths = targets.SelectMany(t => t.Keys.Select(k => KeyValuePair.Create(k, t.Directory))).ToDictionary();
    }

    /// <summary>
    /// Rebuilds a manager from <see cref="Paths"/> saved earlier (e.g. by "create", for "delete").
    /// Parents that Create made are not known then, so Destroy removes only the container's directories.
    /// </summary>
    public static CgroupManager FromPaths(IReadOnlyDictionary<string, string> paths, CgroupLayout layout) =>
        new(paths.GroupBy(p => p.Value, p => p.Key).Select(g => TargetFromKeys(g.Key, g.ToArray(), layout)).ToArray());

    private static CgroupTarget TargetFromKeys(string directory, string[] keys, CgroupLayout layout)
    {
        bool unified = keys.Contains(CgroupPathKeys.Unified);
        string? mountPoint = unified
            ? layout.Unified?.MountPoint
            : layout.V1Hierarchies.FirstOrDefault(h => h.PathKeys.Intersect(keys).Any())?.MountPoint;
        if (mountPoint is null || CgroupPaths.Below(directory, mountPoint) is null)
            mountPoint = Path.GetDirectoryName(directory.TrimEnd('/')) ?? "/";

        string[] v1Controllers = unified ? [] : keys.Where(k => !CgroupPathKeys.IsNamed(k)).ToArray();
        return new CgroupTarget(directory, mountPoint, unified, keys, v1Controllers);
    }

    public IReadOnlyDictionary<string, string> Paths { get; }

    public void Create(CgroupResources? resources = null)
    {
        foreach (CgroupTarget target in _targets)
        {
            foreach (string directory in CgroupPaths.Chain(target.MountPoint, target.Directory).Where(d => d != target.MountPoint))
                if (CgroupDirectory.Make(directory)) target.CreatedDirectories.Add(directory);

            if (target.V1Controllers.Contains(Controllers.Cpuset)) CpusetInheritance.FillFromParents(target);
        }
        if (resources is not null) EnableUnifiedControllers(resources);
    }

    public void Apply(int pid)
    {
        string value = pid.ToString(CultureInfo.InvariantCulture);
        foreach (CgroupTarget target in _targets) target.Write("cgroup.procs", value, pointer: null);
    }

    public void Set(CgroupResources resources)
    {
        EnableUnifiedControllers(resources);

        if (resources.CheckBeforeUpdate && resources.MemoryLimit is not null)
            MemoryExtras.CheckUsage(Require(Controllers.Memory, ResourcePointers.MemoryLimit), resources.MemoryLimit);
        if (resources.MemoryLimit is not null || resources.MemorySwap is not null)
        {
            string pointer = resources.MemoryLimit is not null ? ResourcePointers.MemoryLimit : ResourcePointers.MemorySwap;
            MemoryLimits.Apply(Require(Controllers.Memory, pointer), resources.MemoryLimit, resources.MemorySwap);
        }
        if (resources.PidsLimit is { } pids and not 0)
            PidsLimit.Apply(Require(Controllers.Pids, ResourcePointers.PidsLimit), pids);
        if (resources.RequiredControllers().Contains(Controllers.Cpu))
            CpuLimits.Apply(Require(Controllers.Cpu, CpuPointer(resources)), resources.CpuShares, resources.CpuQuota, resources.CpuPeriod);
        if (resources.RequiredControllers().Contains(Controllers.Cpuset))
        {
            string pointer = string.IsNullOrEmpty(resources.CpusetCpus) ? ResourcePointers.CpusetMems : ResourcePointers.CpusetCpus;
            CpusetLimits.Apply(Require(Controllers.Cpuset, pointer), resources.CpusetCpus, resources.CpusetMems);
        }
        if (resources.HasMemoryExtras)
            MemoryExtras.Apply(Require(Controllers.Memory, MemoryExtrasPointer(resources)), resources.MemoryReservation,
                resources.MemorySwappiness, resources.DisableOomKiller);
        if (resources.HasCpuExtras)
            CpuExtras.Apply(Require(Controllers.Cpu, CpuExtrasPointer(resources)), resources.CpuBurst, resources.CpuRealtimeRuntime,
                resources.CpuRealtimePeriod, resources.CpuIdle);
        if (resources.BlockIO is { } io)
            BlockIoLimits.Apply(ControllerRouter.Find(_targets, Controllers.Blkio) ?? Require(Controllers.Io, ResourcePointers.BlockIO), io);
        if (resources.HugepageLimits is { Count: > 0 } hugepages)
            HugetlbLimits.Apply(Require(Controllers.Hugetlb, ResourcePointers.HugepageLimits), hugepages);
        if (resources.Network is { } network) NetworkLimits.Apply(_targets, network);
        if (resources.Rdma is { Count: > 0 } rdma) RdmaLimits.Apply(Require(Controllers.Rdma, ResourcePointers.Rdma), rdma);
        if (resources.Unified is { } unified) UnifiedValues.Apply(_targets, unified);
        if (resources.Devices is { } devices) DeviceRulesApplier.Apply(_targets, devices);
    }

    private static string CpuPointer(CgroupResources r) =>
        r.CpuShares is not null and not 0 ? ResourcePointers.CpuShares
        : r.CpuQuota is not null and not 0 ? ResourcePointers.CpuQuota
        : ResourcePointers.CpuPeriod;

    private static string MemoryExtrasPointer(CgroupResources r) =>
        r.MemoryReservation is not null ? ResourcePointers.MemoryReservation
        : r.MemorySwappiness is not null ? ResourcePointers.MemorySwappiness
        : ResourcePointers.DisableOomKiller;

    private static string CpuExtrasPointer(CgroupResources r) =>
        r.CpuBurst is not null ? ResourcePointers.CpuBurst
        : r.CpuIdle is not null ? ResourcePointers.CpuIdle
        : r.CpuRealtimePeriod is not null ? ResourcePointers.CpuRealtimePeriod
        : ResourcePointers.CpuRealtimeRuntime;

    private CgroupTarget Require(string controller, string pointer) => ControllerRouter.Require(_targets, controller, pointer);

    private void EnableUnifiedControllers(CgroupResources resources)
    {
        CgroupTarget? unified = _targets.FirstOrDefault(t => t.IsUnified);
        if (unified is null) return;
        IEnumerable<string> neededThere = resources.RequiredControllers()
            .Where(c => ControllerRouter.Find(_targets, c) == unified);
        UnifiedControllerEnabler.Enable(unified, neededThere);
    }

    public CgroupStats Stats() => CgroupStatsReader.Read(_targets);

    public void Freeze() => Freezer.Set(_targets, frozen: true);

    public void Thaw() => Freezer.Set(_targets, frozen: false);

    public IReadOnlyList<int> GetPids() => CgroupProcesses.ListRecursive(_targets.Select(t => t.Directory));

    public void KillAll(int signal)
    {
        if (signal == Signals.SIGKILL)
            foreach (CgroupTarget target in _targets.Where(t => t.IsUnified && t.HasFile("cgroup.kill")))
                CgroupFile.TryWrite(target.PathOf("cgroup.kill"), "1");

        // A process may fork between listing and signalling; later rounds catch the children. SIGKILL is
        // repeated on survivors; other signals go once to each process.
        var signalled = new HashSet<int>();
        for (int round = 0; round < KillRounds; round++)
        {
            int[] pids = GetPids()
                .Where(pid => pid != Environment.ProcessId && (signal == Signals.SIGKILL || !signalled.Contains(pid)))
                .ToArray();
            if (pids.Length == 0) return;
            foreach (int pid in pids)
            {
                Libc.kill(pid, signal);
                signalled.Add(pid);
            }
            Thread.Sleep(KillRoundPause);
        }
    }

    public void Destroy()
    {
        KillAll(Signals.SIGKILL);

        var remover = new CgroupRemover(DestroyBusyBudget);
        var failures = new List<string>();
        foreach (CgroupTarget target in _targets)
        {
            string? failure = remover.RemoveTree(target.Directory);
            if (failure is not null) failures.Add(failure);
            else CgroupRemover.RemoveEmptyParents(target.CreatedDirectories.Where(d => d != target.Directory));
        }
        if (failures.Count > 0) throw new CgroupException(null, string.Join("; ", failures));
    }

    public bool Exists() => _targets.Any(t => Directory.Exists(t.Directory));

    public long? OomKillCount()
    {
        CgroupTarget? memory = ControllerRouter.Find(_targets, Controllers.Memory);
        if (memory is null) return null;
        return CgroupFile.ReadKeyedValue(memory.PathOf(memory.IsUnified ? "memory.events" : "memory.oom_control"), "oom_kill");
    }
}
