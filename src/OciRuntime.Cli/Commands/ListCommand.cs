using System.Text;
using System.Text.Json;
using OciRuntime.Cli.Args;
using OciRuntime.Core;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;

namespace OciRuntime.Cli.Commands;

/// <summary>list: runc's table (ID PID STATUS BUNDLE CREATED OWNER), --format json, or -q for ids only.</summary>
public static class ListCommand
{
    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, ["format", "f"], ["quiet", "q"]);
        string format = line.Get("format", "f") ?? "table";
        if (format is not ("table" or "json")) throw new UsageException($"invalid format option: {format}");

        var states = new List<ContainerState>();
        foreach (string id in context.Root.ListIds())
        {
            try
            {
                using var container = Container.Load(context.Root, id, exclusive: false);
                states.Add(StateCommand.Describe(container));
            }
            catch (RuntimeError) { /* being created or deleted right now */ }
        }

        if (line.Has("quiet", "q")) states.ForEach(s => Console.Out.WriteLine(s.Id));
        else if (format == "json") WriteJson(states);
        else Console.Out.Write(Table(states));
        return 0;
    }

    private static void WriteJson(List<ContainerState> states)
    {
        // runc prints null, not [], when there is nothing to list.
        if (states.Count == 0) { Console.Out.WriteLine("null"); return; }
        var compact = new SpecJsonContext(new JsonSerializerOptions(SpecJsonContext.Default.Options) { WriteIndented = false });
        var items = states.Select(s => JsonSerializer.Serialize(s, compact.ContainerState));
        Console.Out.WriteLine("[" + string.Join(",", items) + "]");
    }

    public static string Table(IReadOnlyList<ContainerState> states)
    {
        string[] header = ["ID", "PID", "STATUS", "BUNDLE", "CREATED", "OWNER"];
        var rows = new List<string[]> { header };
        rows.AddRange(states.Select(s => new[] { s.Id, s.Pid.ToString(), s.Status, s.Bundle, s.Created, s.Owner }));
        // Like Go's tabwriter(minwidth 12, padding 3): each column is max(12, widest + 3) wide, the last unpadded.
        int[] widths = Enumerable.Range(0, header.Length).Select(c => Math.Max(12, rows.Max(r => r[c].Length) + 3)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (int c = 0; c < row.Length; c++)
                text.Append(c == row.Length - 1 ? row[c] : row[c].PadRight(widths[c]));
            text.Append('\n');
        }
        return text.ToString();
    }
}
