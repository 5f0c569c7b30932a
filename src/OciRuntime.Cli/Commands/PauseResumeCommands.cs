using OciRuntime.Cli.Args;
using OciRuntime.Core.Lifecycle;

namespace OciRuntime.Cli.Commands;

public static class PauseCommand
{
    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, [], []);
        new ContainerFreezer(context.Root).Pause(CreateCommand.SingleId(line, "pause"));
        return 0;
    }
}

public static class ResumeCommand
{
    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, [], []);
        new ContainerFreezer(context.Root).Resume(CreateCommand.SingleId(line, "resume"));
        return 0;
    }
}
