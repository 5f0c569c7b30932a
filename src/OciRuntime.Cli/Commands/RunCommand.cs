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
        (int Ours, int Init)? console = detach || options.ConsoleSocket is not null ? null : Fd.SocketPair(Af.SOCK_STREAM);
        RuntimeState state;
        TerminalRelay? relay = null;
        try
        {
            state = new ContainerCreator(context.Root, context.Debug).Create(options with { ConsoleSocketFd = console?.Init ?? -1 });
            // Checked while our end of the pair is still open, so an empty socket means "no terminal", not EOF.
            if (console is { } pair && HasPendingMaster(pair.Ours)) relay = new TerminalRelay(UnixSocket.ReceiveFd(pair.Ours).Fd);
        }
        finally
        {
            if (console is { } c)
            {
                Libc.close(c.Init);
                Libc.close(c.Ours);
            }
        }
        clock.Mark("created");
        using var relayScope = relay;
        // Opened while init is certainly alive (blocked on the exec FIFO), so even a process that exits at once
        // is still ours to reap.
        using PidFd? init = detach ? null : PidFd.TryOpen(state.InitPid);
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

        int exitCode = ForegroundProcess.Wait(init);
        relay?.Drain();
        clock.Mark($"container exited with {exitCode}");
        if (!line.Has("keep")) DeleteQuietly(context, options.Id);
        clock.Mark("deleted");
        return exitCode;
    }

    /// <summary>Init sent the master before create returned, if the config asked for a terminal.</summary>
    private static unsafe bool HasPendingMaster(int socket)
    {
        var pfd = new PollFd { Fd = socket, Events = Poll.IN };
        return Libc.poll(&pfd, 1, 0) > 0 && (pfd.Revents & Poll.IN) != 0;
    }

    private static void DeleteQuietly(CommandContext context, string id)
    {
        try { new ContainerDeleter(context.Root, context.Warn).Delete(id, force: true); }
        catch (Exception e) when (e is RuntimeError or IOException or SysError) { context.Fail(e.Message, 1); }
    }
}
