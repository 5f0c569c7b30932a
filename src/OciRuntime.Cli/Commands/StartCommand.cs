using OciRuntime.Cli.Args;
using OciRuntime.Core.Lifecycle;

namespace OciRuntime.Cli.Commands;

public static class StartCommand
{
    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, [], []);
        new ContainerStarter(context.Root, context.Warn).Start(CreateCommand.SingleId(line, "start"));
        return 0;
    }
}
