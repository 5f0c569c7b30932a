using System.Buffers.Binary;
using System.Text;
using OciRuntime.Linux;

namespace OciRuntime.Core.Launch;

public readonly record struct Frame(FrameType Type, byte[] Payload)
{
    public string Text => Encoding.UTF8.GetString(Payload);
}

/// <summary>
/// Length-prefixed frames (uint32 type, uint32 length, payload; native endian) on one end of the init socket.
/// </summary>
public sealed class FrameChannel : IDisposable
{
    public const int MaxPayload = 16 * 1024 * 1024;

    public int Fd { get; private set; }

    public FrameChannel(int fd) => Fd = fd;

    public void Send(FrameType type, ReadOnlySpan<byte> payload = default) => Fd_WriteAll(Encode(type, payload));

    public void SendText(FrameType type, string text) => Send(type, Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Reads the next frame; null when the peer closed the socket cleanly between frames. With a timeout, a peer
    /// that says nothing for that long is an error rather than a hang.
    /// </summary>
    public Frame? Receive(int timeoutMs = -1)
    {
        if (timeoutMs >= 0) WaitReadable(timeoutMs);
        Span<byte> header = stackalloc byte[8];
        if (!Linux.Fd.ReadExactly(Fd, header)) return null;
        var (type, length) = DecodeHeader(header);
        var payload = new byte[length];
        if (length > 0 && !Linux.Fd.ReadExactly(Fd, payload))
            throw new EndOfStreamException($"peer closed the init socket inside a {type} frame");
        return new Frame(type, payload);
    }

    private unsafe void WaitReadable(int timeoutMs)
    {
        var pfd = new PollFd { Fd = Fd, Events = Poll.IN };
        long deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            int r = Libc.poll(&pfd, 1, (int)Math.Max(0, deadline - Environment.TickCount64));
            if (r > 0) return;
            if (r == 0) throw new TimeoutException($"no message within {timeoutMs / 1000.0:0.#} s");
            if (Errno.Last != Errno.EINTR) throw new SysError("poll", "init socket", Errno.Last);
        }
    }

    public static byte[] Encode(FrameType type, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)type);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(8));
        return frame;
    }

    public static (FrameType Type, int Length) DecodeHeader(ReadOnlySpan<byte> header)
    {
        uint type = BinaryPrimitives.ReadUInt32LittleEndian(header);
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (length > MaxPayload) throw new InvalidDataException($"frame of {length} bytes exceeds the {MaxPayload}-byte limit");
        return ((FrameType)type, (int)length);
    }

    private void Fd_WriteAll(byte[] bytes) => Linux.Fd.WriteAll(Fd, bytes);

    public void Dispose()
    {
        Linux.Fd.Close(Fd);
        Fd = -1;
    }
}
