using OciRuntime.Linux;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init.Appliers;

/// <summary>
/// process.terminal: a pty from the container's own devpts (after pivot_root, so /dev/ptmx is the container's),
/// its master handed over --console-socket (runc's protocol, which conmon and containerd's shim receive), and its
/// slave made our stdio and controlling terminal (the C stage already made us a session leader).
/// </summary>
public static class ConsoleApplier
{
    public static void Apply(Process process, int consoleSocketFd)
    {
        if (process.Terminal != true) return;
        if (consoleSocketFd < 0) throw new InvalidOperationException("/process/terminal: no console socket to send the terminal to");

        var (master, slave, name) = Pty.Open("/dev/ptmx");
        try
        {
            if (process.ConsoleSize is { } size) Pty.SetSize(master, (ushort)size.Height, (ushort)size.Width);
            // The user's program owns its terminal, as login would arrange.
            SysError.Check(Libc.chown(name, process.User?.Uid ?? 0, process.User?.Gid ?? 0), "chown", name);
            UnixSocket.SendFd(consoleSocketFd, master, name);
        }
        finally
        {
            Libc.close(master);
            Libc.close(consoleSocketFd);
        }
        for (int stdio = 0; stdio <= 2; stdio++) SysError.Check(Libc.dup3(slave, stdio, 0), "dup3", $"terminal to fd {stdio}");
        Libc.close(slave);
        Pty.MakeControlling(0);
    }
}
