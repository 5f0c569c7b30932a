using System.Diagnostics;

namespace OciRuntime.Core;

/// <summary>Stage timings for --debug: "create: cgroup ready (+1.2 ms, 3.4 ms total)". Start-up time is a feature.</summary>
public sealed class StageClock(string verb, Action<string>? sink)
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private long _last = Stopwatch.GetTimestamp();

    public void Mark(string stage)
    {
        if (sink is null) return;
        long now = Stopwatch.GetTimestamp();
        sink($"{verb}: {stage} (+{Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds:F1} ms, " +
             $"{Stopwatch.GetElapsedTime(_start, now).TotalMilliseconds:F1} ms since the verb began)");
        _last = now;
    }
}
