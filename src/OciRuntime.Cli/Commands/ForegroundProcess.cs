using System.Runtime.InteropServices;
using OciRuntime.Linux;

namespace OciRuntime.Cli.Commands;

/// <summary>
/// Waiting for a container process in the foreground (run, exec): catchable signals sent to us go to it, and its
/// status becomes ours (128+signal when killed). We are its parent through PR_SET_CHILD_SUBREAPER.
/// </summary>
public static class ForegroundProcess
{
    private static readonly int[] ForwardedSignals =
        [Signals.SIGHUP, Signals.SIGINT, Signals.SIGQUIT, Signals.SIGTERM, Signals.SIGUSR1, Signals.SIGUSR2, Signals.SIGCONT];

    /// <summary>Called before the process is started, so it is reparented to us when its first stage exits.</summary>
    public static void BecomeSubreaper() => Libc.prctl(Pr.SET_CHILD_SUBREAPER, 1, 0, 0, 0);

    public static int Wait(PidFd process)
    {
        var registrations = ForwardedSignals
            .Select(sig => PosixSignalRegistration.Create((PosixSignal)sig, ctx =>
            {
                ctx.Cancel = true;
                process.Signal(sig);
            }))
            .ToList();
        try
        {
            return process.WaitForExitCode();
        }
        catch (SysError e) when (e.Errno == Errno.ECHILD)
        {
            // Not our child (--no-subreaper): we can see it end, not how.
            process.WaitExited(-1);
            return 0;
        }
        finally
        {
            registrations.ForEach(r => r.Dispose());
        }
    }
}
