using OciRuntime.Cli.Args;
using OciRuntime.Core.Lifecycle;

namespace OciRuntime.Cli.Commands;

public static class DeleteCommand
{
    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, [], ["force", "f"]);
        if (line.Positional.Count < 1) throw new UsageException("\"delete\" requires at least 1 argument(s): the container id");
        foreach (string id in line.Positional) new ContainerDeleter(context.Root, context.Warn).Delete(id, line.Has("force", "f"));
        return 0;
    }
}
