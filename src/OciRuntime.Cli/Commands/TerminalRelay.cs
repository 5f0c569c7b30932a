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
