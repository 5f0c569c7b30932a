using System.Diagnostics;
using OciRuntime.Linux;

namespace OciRuntime.Cgroups;

/// <summary>
/// Removes a cgroup directory and any child cgroups, deepest first. A cgroup holds only kernel control
/// files, so rmdir succeeds once no process (not even an exiting one) is left; until then it is EBUSY.
/// </summary>
internal sealed class CgroupRemover
{
    private static readonly TimeSpan BusyRetryPause = TimeSpan.FromMilliseconds(10);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _busyBudget;

    public CgroupRemover(TimeSpan busyBudget) => _busyBudget = busyBudget;

    /// <summary>Removes the tree; returns null on success (or if already gone), else why it failed.</summary>
    public string? RemoveTree(string directory)
    {
        foreach (string child in CgroupProcesses.SubdirectoriesOf(directory))
        {
            string? failure = RemoveTree(child);
            if (failure is not null) return failure;
        }

        while (true)
        {
            int errno = CgroupDirectory.TryRemove(directory);
            if (errno is 0 or Errno.ENOENT) return null;
            if (errno != Errno.EBUSY || _clock.Elapsed > _busyBudget)
                return $"removing {directory}: {Errno.Describe(errno)}";
            Thread.Sleep(BusyRetryPause);
        }
    }

    /// <summary>Removes parents Create made, deepest first, stopping at the first still in use.</summary>
    public static void RemoveEmptyParents(IEnumerable<string> createdTopDown)
    {
        foreach (string parent in createdTopDown.Reverse())
            if (CgroupDirectory.TryRemove(parent) is not (0 or Errno.ENOENT)) return;
    }
}
