using System.Diagnostics;
using OciRuntime.Cgroups;
using OciRuntime.Cli.Args;
using OciRuntime.Core;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.State;
using OciRuntime.Linux;

namespace OciRuntime.Cli.Commands;

/// <summary>
/// events [--stats] [--interval 5s] ID, as runc: with --stats one stats event; otherwise a stats event every
/// interval and an "oom" event whenever the cgroup's OOM kill count rises, until the container stops.
/// Each event is one JSON object on its own line.
/// </summary>
public static class EventsCommand
{
    private static readonly TimeSpan OomPollInterval = TimeSpan.FromMilliseconds(100);

    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, ["interval"], ["stats"]);
        string id = CreateCommand.SingleId(line, "events");
        TimeSpan interval = line.Get("interval") is { } text ? GoDuration.Parse(text, "--interval") : TimeSpan.FromSeconds(5);
        if (interval <= TimeSpan.Zero) throw new UsageException("--interval: duration must be greater than 0");

        ICgroupManager cgroup;
        int initPid;
        ulong initStart;
        // The container's lock is held only while reading its state, so a stream never blocks kill or delete.
        using (var container = Container.Load(context.Root, id, exclusive: false))
        {
            if (container.Status is ContainerStatus.Stopped) throw new RuntimeError($"container with id {id} is not running");
            cgroup = container.Cgroup() ?? throw new RuntimeError($"container {id} has no cgroup to report on");
            (initPid, initStart) = (container.State.InitPid, container.State.InitStartTime);
        }

        if (line.Has("stats"))
        {
            Console.Out.WriteLine(EventJson.Stats(id, cgroup.Stats()));
            return 0;
        }

        long oomKills = cgroup.OomKillCount() ?? 0;
        var sinceStats = Stopwatch.StartNew();
        while (ProcFs.StartTime(initPid) == initStart && cgroup.Exists())
        {
            Thread.Sleep(interval < OomPollInterval ? interval : OomPollInterval);
            long now = cgroup.OomKillCount() ?? oomKills;
            if (now > oomKills) Console.Out.WriteLine(EventJson.Oom(id));
            oomKills = now;
            if (sinceStats.Elapsed < interval) continue;
            sinceStats.Restart();
            try
            {
                Console.Out.WriteLine(EventJson.Stats(id, cgroup.Stats()));
            }
            catch (IOException) when (!cgroup.Exists())
            {
                break; // removed while we read
            }
        }
        return 0;
    }
}
