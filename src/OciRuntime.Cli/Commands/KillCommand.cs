using OciRuntime.Cli.Args;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Linux;

namespace OciRuntime.Cli.Commands;

/// <summary>kill ID [SIGNAL]: the signal by name (KILL, SIGKILL) or number; SIGTERM by default.</summary>
public static class KillCommand
{
    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, [], ["all", "a"]);
        if (line.Positional.Count is < 1 or > 2)
            throw new UsageException("\"kill\" requires 1 to 2 argument(s): the container id and a signal");
        string signalText = line.Positional.Count == 2 ? line.Positional[1] : "SIGTERM";
        if (!Signals.TryParse(signalText, out int signal)) throw new UsageException($"unknown signal \"{signalText}\"");
        new ContainerKiller(context.Root).Kill(line.Positional[0], signal, line.Has("all", "a"));
        return 0;
    }
}
