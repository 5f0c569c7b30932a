using OciRuntime.Cli.Args;
using OciRuntime.Core;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.State;
using OciRuntime.Linux;

namespace OciRuntime.Cli.Commands;

/// <summary>
/// run = create + start, then (unless --detach) wait for the container, forwarding signals to it, and exit with
/// its status. As a child subreaper we inherit init when its first stage exits, so we can reap it ourselves.
/// </summary>
public static class RunCommand
{
    private static readonly HashSet<string> BoolFlags = [.. CreateCommand.BoolFlags, "detach", "d", "keep", "no-subreaper"];

    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, CreateCommand.ValueFlags, BoolFlags);
        CreateCommand.RefuseUnsupportedModes(context.Globals);
        var options = CreateCommand.Options(line);
        bool detach = line.Has("detach", "d");
        if (!detach && !line.Has("no-subreaper")) ForegroundProcess.BecomeSubreaper();

        var clock = new StageClock("run", context.Debug);
        // In the foreground without --console-socket we receive the terminal (if the config asks for one) ourselves.
        RuntimeState state;
        TerminalRelay? relay = null;
        using (var console = detach || options.ConsoleSocket is not null ? null : ForegroundConsole.Create())
        {
            state = new ContainerCreator(context.Root, context.Debug, context.Globals.IsRootless).Create(options with { ConsoleSocketFd = console?.InitEnd ?? -1 });
            relay = console?.StartRelay();
        }
        clock.Mark("created");
        using var relayScope = relay;
        // Opened while init is certainly alive (blocked on the exec FIFO), so even a process that exits at once
        // is still ours to reap.
        using PidFd? init = detach ? null : PidFd.TryOpen(state.InitPid);
        // Forwarding starts before the container does, so no signal meant for it can fall on us in between.
        using var forwarding = init is null ? null : ForegroundProcess.ForwardSignals(init);
        try
        {
            new ContainerStarter(context.Root, context.Warn).Start(options.Id);
        }
        catch (RuntimeError)
        {
            DeleteQuietly(context, options.Id);
            throw;
        }
        clock.Mark("started");
        if (init is null) return 0;

        int exitCode = ForegroundProcess.WaitForExit(init);
        relay?.Drain();
        clock.Mark($"container exited with {exitCode}");
        if (!line.Has("keep")) DeleteQuietly(context, options.Id);
        clock.Mark("deleted");
        return exitCode;
    }

    private static void DeleteQuietly(CommandContext context, string id)
    {
        try { new ContainerDeleter(context.Root, context.Warn).Delete(id, force: true); }
        catch (Exception e) when (e is RuntimeError or IOException or SysError) { context.Fail(e.Message, 1); }
    }
}
