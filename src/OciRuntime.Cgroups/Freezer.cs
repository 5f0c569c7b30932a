using System.Diagnostics;

namespace OciRuntime.Cgroups;

/// <summary>
/// Freezes and thaws a container's cgroup and waits until the kernel says it is done: v1's freezer.state passes
/// through FREEZING (re-asked, as a task forking while freezing can leave it there), v2 reports in cgroup.events.
/// A v1 freezer hierarchy wins where both exist (hybrid hosts give the controller to v1).
/// </summary>
internal static class Freezer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static void Set(IReadOnlyList<CgroupTarget> targets, bool frozen)
    {
        CgroupTarget? v1 = targets.FirstOrDefault(t => !t.IsUnified && t.V1Controllers.Contains("freezer"));
        if (v1 is not null)
        {
            string want = frozen ? "FROZEN" : "THAWED";
            WaitFor(() =>
            {
                v1.Write("freezer.state", want, pointer: null);
                return CgroupFile.TryRead(v1.PathOf("freezer.state"))?.Trim() == want;
            }, v1.PathOf("freezer.state"), want);
            return;
        }
        CgroupTarget? v2 = targets.FirstOrDefault(t => t.IsUnified && t.HasFile("cgroup.freeze"));
        if (v2 is null) throw new CgroupException(null, "no freezer on this host: neither a v1 freezer hierarchy nor cgroup.freeze");
        v2.Write("cgroup.freeze", frozen ? "1" : "0", pointer: null);
        long want2 = frozen ? 1 : 0;
        WaitFor(() => CgroupFile.ReadKeyedValue(v2.PathOf("cgroup.events"), "frozen") == want2, v2.PathOf("cgroup.events"), $"frozen {want2}");
    }

    private static void WaitFor(Func<bool> done, string file, string state)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > Timeout) throw new CgroupException(null, $"{file} did not reach {state} within {Timeout.TotalSeconds} s");
            Thread.Sleep(1);
        }
    }
}
