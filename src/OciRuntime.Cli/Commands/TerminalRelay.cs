using System.Runtime.InteropServices;
using OciRuntime.Linux;

namespace OciRuntime.Cli.Commands;

/// <summary>
/// Foreground `run` of a container with a terminal: we hold the pty master and copy our stdin to it and its
/// output to our stdout. When our stdin is a terminal it goes raw (the container's pty does the line editing) and
/// its window size follows ours, SIGWINCH included. The output side ends when the last slave descriptor closes.
/// </summary>
public sealed class TerminalRelay : IDisposable
{
    private readonly int _master;
    private readonly Terminal.SavedMode? _saved;
    private readonly Thread _output;
    private readonly PosixSignalRegistration? _resize;

    public TerminalRelay(int master)
    {
        _master = master;
        Terminal.CopySize(0, master);
        _saved = Terminal.MakeRaw(0);
        if (_saved is not null)
            _resize = PosixSignalRegistration.Create((PosixSignal)Signals.SIGWINCH, ctx =>
            {
                ctx.Cancel = true;
                Terminal.CopySize(0, _master);
            });
        new Thread(() => Copy(0, _master)) { IsBackground = true, Name = "terminal input" }.Start();
        _output = new Thread(() => Copy(_master, 1)) { IsBackground = true, Name = "terminal output" };
        _output.Start();
    }

    /// <summary>Lets the last output reach our stdout once the container has exited.</summary>
    public void Drain() => _output.Join(TimeSpan.FromSeconds(2));

    private static void Copy(int from, int to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = Fd.Read(from, buffer)) > 0) Fd.WriteAll(to, buffer.AsSpan(0, n));
        }
        catch (SysError)
        {
            // EIO on the master once every slave is closed: the container is gone.
        }
    }

    public void Dispose()
    {
        _resize?.Dispose();
        if (_saved is not null) Terminal.Restore(0, _saved);
    }
}

/// <summary>
/// The socket pair a foreground run or exec hands init instead of --console-socket: init sends the pty master on
/// one end (before create or exec returns), we pick it up from the other and start relaying.
/// </summary>
public sealed unsafe class ForegroundConsole : IDisposable
{
    private readonly int _ours;

    /// <summary>The end init gets (it takes its own copy, so ours can be closed once setup is done).</summary>
    public int InitEnd { get; }

    private ForegroundConsole((int Ours, int Init) pair) => (_ours, InitEnd) = pair;

    public static ForegroundConsole Create() => new(Fd.SocketPair(Af.SOCK_STREAM));

    /// <summary>
    /// The relay for the master init sent, or null when the process has no terminal. Called while both ends are
    /// still open, so an empty socket means "no terminal" rather than end-of-file.
    /// </summary>
    public TerminalRelay? StartRelay()
    {
        var pfd = new PollFd { Fd = _ours, Events = Poll.IN };
        bool sent = Libc.poll(&pfd, 1, 0) > 0 && (pfd.Revents & Poll.IN) != 0;
        return sent ? new TerminalRelay(UnixSocket.ReceiveFd(_ours).Fd) : null;
    }

    public void Dispose()
    {
        Libc.close(InitEnd);
        Libc.close(_ours);
    }
}
