using System.Text.Json;
using OciRuntime.Cli.Args;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.State;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;
using Status = OciRuntime.Core.State.ContainerStatus;

namespace OciRuntime.Cli.Commands;

public static class StateCommand
{
    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, [], []);
        using var container = Container.Load(context.Root, CreateCommand.SingleId(line, "state"), exclusive: false);
        Console.Out.WriteLine(JsonSerializer.Serialize(Describe(container), SpecJsonContext.Default.ContainerState));
        return 0;
    }

    /// <summary>The OCI state document as runc prints it (rootfs, created and owner included; pid 0 once stopped).</summary>
    public static ContainerState Describe(Container container)
    {
        Status status = container.Status;
        RuntimeState s = container.State;
        return new ContainerState
        {
            OciVersion = string.IsNullOrEmpty(s.OciVersion) ? SpecVersion.Current : s.OciVersion,
            Id = s.Id,
            Pid = status == Status.Stopped ? 0 : s.InitPid,
            Status = status.ToSpecString(),
            Bundle = s.Bundle,
            Rootfs = s.Rootfs,
            Created = Rfc3339.FormatNano(s.Created),
            Owner = s.Owner,
            Annotations = s.Annotations,
        };
    }
}
