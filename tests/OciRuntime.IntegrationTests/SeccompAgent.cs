using System.Buffers.Binary;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using OciRuntime.Linux;

namespace OciRuntime.IntegrationTests;

/// <summary>
/// A seccomp notify agent, as an engine's would be: listens on a unix socket for the runtime's containerProcessState
/// and listener descriptor, then answers every notification with <see cref="Errno"/> (as the syscall's failure).
/// </summary>
public sealed class SeccompAgent : IDisposable
{
    private const ulong NotifRecv = 0xC0502100, NotifSend = 0xC0182101; // _IOWR('!', 0|1, ...), 80- and 24-byte structs
    private const short PollIn = 1;
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly Task _accepting;
    private readonly List<Task> _serving = [];
    private readonly List<JsonObject> _states = [];
    private volatile bool _stop;

    public string Path { get; }
    public int Errno { get; }
    /// <summary>The containerProcessState documents received, one per process that loaded the filter.</summary>
    public IReadOnlyList<JsonObject> States { get { lock (_states) return [.. _states]; } }
    /// <summary>The syscall numbers of the notifications answered.</summary>
    public List<int> Syscalls { get; } = [];

    public SeccompAgent(string directory, int errno)
    {
        Errno = errno;
        Path = System.IO.Path.Combine(directory, "agent.sock");
        _socket.Bind(new UnixDomainSocketEndPoint(Path));
        _socket.Listen(4);
        _accepting = Task.Run(Accept);
    }

    private void Accept()
    {
        while (!_stop)
        {
            int listener;
            using (var connection = _socket.Accept())
            {
                var (fd, text) = UnixSocket.ReceiveFd((int)connection.Handle);
                listener = fd;
                lock (_states) _states.Add(JsonNode.Parse(text)!.AsObject());
            }
            lock (_serving) _serving.Add(Task.Run(() => Serve(listener)));
        }
    }

    private void Serve(int listener)
    {
        try
        {
            while (!_stop)
            {
                var pfd = new short[4];
                BinaryPrimitives.WriteInt32LittleEndian(MemoryMarshal.AsBytes(pfd.AsSpan()), listener);
                pfd[2] = PollIn;
                if (poll(pfd, 1, 100) <= 0) continue;
                if ((pfd[3] & PollIn) == 0) break; // POLLHUP: every process using the filter has exited
                var notification = new byte[80];
                if (ioctl(listener, NotifRecv, notification) < 0) continue;
                lock (Syscalls) Syscalls.Add(BinaryPrimitives.ReadInt32LittleEndian(notification.AsSpan(16)));
                var response = new byte[24];
                notification.AsSpan(0, 8).CopyTo(response); // id
                BinaryPrimitives.WriteInt32LittleEndian(response.AsSpan(16), -Errno);
                ioctl(listener, NotifSend, response);
            }
        }
        finally
        {
            close(listener);
        }
    }

    /// <summary>Waits until the agent has been given <paramref name="count"/> listeners (or the timeout passes).</summary>
    public bool WaitForStates(int count, int timeoutMs = 10_000)
    {
        long deadline = Environment.TickCount64 + timeoutMs;
        while (States.Count < count && Environment.TickCount64 < deadline) Thread.Sleep(20);
        return States.Count >= count;
    }

    [DllImport("libc", SetLastError = true)] private static extern int ioctl(int fd, ulong request, byte[] argument);
    [DllImport("libc", SetLastError = true)] private static extern int poll(short[] fds, ulong count, int timeoutMs);
    [DllImport("libc")] private static extern int close(int fd);

    public void Dispose()
    {
        _stop = true;
        _socket.Dispose();
        try { Task.WaitAll([_accepting, .. _serving], 2000); }
        catch (AggregateException) { /* Accept fails when the socket closes */ }
    }
}
