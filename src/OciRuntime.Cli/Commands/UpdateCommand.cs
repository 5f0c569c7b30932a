using System.Text.Json.Nodes;
using OciRuntime.Cli.Args;
using OciRuntime.Core;
using OciRuntime.Core.Lifecycle;

namespace OciRuntime.Cli.Commands;

/// <summary>update [--resources FILE|-] [--memory N] [--memory-swap N] [--memory-reservation N] [--kernel-memory N]
/// [--kernel-memory-tcp N] [--pids-limit N] [--cpu-share(s) N] [--cpu-quota N] [--cpu-period N] [--cpu-burst N]
/// [--cpu-rt-period N] [--cpu-rt-runtime N] [--cpu-idle N] [--cpuset-cpus S] [--cpuset-mems S] [--blkio-weight N] ID,
/// as runc takes them.</summary>
public static class UpdateCommand
{
    private static readonly (string Flag, string Group, string Field, bool IsText)[] Flags =
    [
        ("memory", "memory", "limit", false), ("memory-swap", "memory", "swap", false),
        ("memory-reservation", "memory", "reservation", false), ("pids-limit", "pids", "limit", false),
        ("cpu-shares", "cpu", "shares", false), ("cpu-quota", "cpu", "quota", false), ("cpu-period", "cpu", "period", false),
        ("cpuset-cpus", "cpu", "cpus", true), ("cpuset-mems", "cpu", "mems", true),
        ("cpu-share", "cpu", "shares", false), ("cpu-burst", "cpu", "burst", false), ("cpu-idle", "cpu", "idle", false),
        ("cpu-rt-period", "cpu", "realtimePeriod", false), ("cpu-rt-runtime", "cpu", "realtimeRuntime", false),
        ("kernel-memory", "memory", "kernel", false), ("kernel-memory-tcp", "memory", "kernelTCP", false),
        ("blkio-weight", "blockIO", "weight", false),
    ];

    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, [.. Flags.Select(f => f.Flag), "resources", "r"], []);
        string id = CreateCommand.SingleId(line, "update");
        var changes = line.Get("resources", "r") is { } file ? ReadResources(file) : new JsonObject();
        foreach (var (flag, group, field, isText) in Flags)
        {
            if (line.Get(flag) is not { } value) continue;
            var section = changes[group] as JsonObject ?? new JsonObject();
            changes[group] = section;
            section[field] = isText ? value : long.TryParse(value, out long n) ? n : throw new UsageException($"--{flag}: \"{value}\" is not a number");
        }
        if (changes.Count == 0) throw new UsageException("update: nothing to change (give --resources or a limit flag)");
        new ContainerUpdater(context.Root).Update(id, changes);
        return 0;
    }

    private static JsonObject ReadResources(string file)
    {
        string text = file == "-" ? Console.In.ReadToEnd() : File.ReadAllText(file);
        return JsonNode.Parse(text) as JsonObject ?? throw new RuntimeError($"--resources {file}: expected a JSON object (linux.resources)");
    }
}
