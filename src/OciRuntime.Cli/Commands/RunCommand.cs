using System.Runtime.InteropServices;
using OciRuntime.Cli.Args;
using OciRuntime.Core;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Linux;

namespace OciRuntime.Cli.Commands;

/// <summary>
/// run = create + start, then (unless --detach) wait for the container, forwarding signals to it, and exit with
/// its status. As a child subreaper we inherit init when its first stage exits, so we can reap it ourselves.
/// </summary>
public static class RunCommand
{
    private static readonly HashSet<string> BoolFlags = [.. CreateCommand.BoolFlags, "detach", "d", "keep", "no-subreaper"];

    private static readonly int[] ForwardedSignals =
        [Signals.SIGHUP, Signals.SIGINT, Signals.SIGQUIT, Signals.SIGTERM, Signals.SIGUSR1, Signals.SIGUSR2, Signals.SIGCONT];

    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, CreateCommand.ValueFlags, BoolFlags);
        CreateCommand.RefuseUnsupportedModes(context.Globals);
        var options = CreateCommand.Options(line);
        bool detach = line.Has("detach", "d");
        if (!detach && !line.Has("no-subreaper")) Libc.prctl(Pr.SET_CHILD_SUBREAPER, 1, 0, 0, 0);

        var clock = new StageClock("run", context.Debug);
        var state = new ContainerCreator(context.Root, context.Debug).Create(options);
        clock.Mark("created");
        // Opened while init is certainly alive (blocked on the exec FIFO), so even a process that exits at once
        // is still ours to reap.
        using PidFd? init = detach ? null : PidFd.TryOpen(state.InitPid);
        try
        {
            new ContainerStarter(context.Root).Start(options.Id);
        }
        catch (RuntimeError)
        {
            DeleteQuietly(context, options.Id);
            throw;
        }
        clock.Mark("started");
        if (init is null) return 0;

        int exitCode = WaitForExit(init);
        clock.Mark($"container exited with {exitCode}");
        if (!line.Has("keep")) DeleteQuietly(context, options.Id);
        clock.Mark("deleted");
        return exitCode;
    }

    private static int WaitForExit(PidFd init)
    {
        {
            var registrations = ForwardedSignals
                .Select(sig => PosixSignalRegistration.Create((PosixSignal)sig, ctx =>
                {
                    ctx.Cancel = true;
                    init.Signal(sig);
                }))
                .ToList();
            try
            {
                return init.WaitForExitCode();
            }
            catch (SysError e) when (e.Errno == Errno.ECHILD)
            {
                // Not our child (--no-subreaper): we can see it end, not how.
                init.WaitExited(-1);
                return 0;
            }
            finally
            {
                registrations.ForEach(r => r.Dispose());
            }
        }
    }

    private static void DeleteQuietly(CommandContext context, string id)
    {
        try { new ContainerDeleter(context.Root).Delete(id, force: true); }
        catch (Exception e) when (e is RuntimeError or IOException or SysError) { context.Fail(e.Message, 1); }
    }
}
