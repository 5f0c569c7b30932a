using System.Net.Sockets;
using System.Text;
using Microsoft.Win32.SafeHandles;
using OciRuntime.Linux;

namespace OciRuntime.IntegrationTests;

/// <summary>
/// The listening end of --console-socket, as conmon or containerd's shim would be (runc ships recvtty for this):
/// accepts one connection, receives the pty master, and collects what the container writes to its terminal.
/// </summary>
public sealed class ConsoleReceiver : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly Task<(int Fd, string Name)> _received;
    private readonly StringBuilder _output = new();
    private FileStream? _master;

    public string Path { get; }

    public ConsoleReceiver(string directory)
    {
        Path = System.IO.Path.Combine(directory, "console.sock");
        _listener.Bind(new UnixDomainSocketEndPoint(Path));
        _listener.Listen(1);
        _received = Task.Run(() =>
        {
            using var connection = _listener.Accept();
            return UnixSocket.ReceiveFd((int)connection.Handle);
        });
    }

    /// <summary>The pty name the runtime sent with the master.</summary>
    public string Name => _received.Result.Name;

    public FileStream Master => _master ??= new FileStream(new SafeFileHandle(_received.Result.Fd, ownsHandle: true), FileAccess.ReadWrite, 1);

    /// <summary>Reads the terminal until <paramref name="text"/> has appeared (or the timeout passes).</summary>
    public string ReadUntil(string text, int timeoutMs = 10_000)
    {
        var reader = Task.Run(() =>
        {
            var buffer = new byte[1024];
            while (!_output.ToString().Contains(text))
            {
                int n = Master.Read(buffer);
                if (n <= 0) break;
                _output.Append(Encoding.UTF8.GetString(buffer, 0, n));
            }
        });
        reader.Wait(timeoutMs);
        return _output.ToString();
    }

    public void Dispose()
    {
        _master?.Dispose();
        _listener.Dispose();
    }
}
