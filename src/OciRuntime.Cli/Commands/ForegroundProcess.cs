using System.Runtime.InteropServices;
using OciRuntime.Linux;

namespace OciRuntime.Cli.Commands;

/// <summary>
/// Waiting for a container process in the foreground (run, exec): catchable signals sent to us go to it, and its
/// status becomes ours (128+signal when killed). We are its parent through PR_SET_CHILD_SUBREAPER.
/// </summary>
public static class ForegroundProcess
{
    /// <summary>
    /// Every asynchronous signal a user or engine might send. Left out: SIGKILL/SIGSTOP (uncatchable), SIGCHLD
    /// (ours), SIGWINCH (the terminal relay's), the fault signals .NET needs for itself (SEGV, BUS, FPE, ILL, TRAP,
    /// SYS) and the realtime ones (NativeAOT uses SIGRTMIN to suspend threads).
    /// </summary>
    private static readonly int[] ForwardedSignals =
        [1 /* HUP */, 2 /* INT */, 3 /* QUIT */, 6 /* ABRT */, 10 /* USR1 */, 12 /* USR2 */, 13 /* PIPE */, 14 /* ALRM */,
         15 /* TERM */, 16 /* STKFLT */, 18 /* CONT */, 20 /* TSTP */, 21 /* TTIN */, 22 /* TTOU */, 23 /* URG */,
         24 /* XCPU */, 25 /* XFSZ */, 26 /* VTALRM */, 27 /* PROF */, 29 /* IO */, 30 /* PWR */];

    /// <summary>Called before the process is started, so it is reparented to us when its first stage exits.</summary>
    public static void BecomeSubreaper() => Libc.prctl(Pr.SET_CHILD_SUBREAPER, 1, 0, 0, 0);

    /// <summary>From now until disposed, signals sent to us go to <paramref name="process"/> instead.</summary>
    public static IDisposable ForwardSignals(PidFd process) => new Registrations(ForwardedSignals
        .Select(sig => PosixSignalRegistration.Create((PosixSignal)sig, ctx =>
        {
            ctx.Cancel = true;
            process.Signal(sig);
        }))
        .ToList());

    public static int Wait(PidFd process)
    {
        using var forwarding = ForwardSignals(process);
        return WaitForExit(process);
    }

    public static int WaitForExit(PidFd process)
    {
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
    }

    private sealed class Registrations(List<PosixSignalRegistration> registrations) : IDisposable
    {
        public void Dispose() => registrations.ForEach(r => r.Dispose());
    }
}
