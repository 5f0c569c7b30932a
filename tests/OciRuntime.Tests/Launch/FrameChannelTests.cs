using System.Text;
using OciRuntime.Core.Launch;
using OciRuntime.Linux;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Launch;

public sealed class FrameChannelTests
{
    [Fact]
    public void Frames_cross_a_socket_pair_intact_and_eof_reads_as_null()
    {
        var (a, b) = Fd.SocketPair(Af.SOCK_STREAM);
        using var left = new FrameChannel(a);
        using var right = new FrameChannel(b);

        left.SendText(FrameType.Error, "boom: ünïcode");
        left.Send(FrameType.Ready);
        var big = new byte[300_000];
        new Random(7).NextBytes(big);
        var sender = Task.Run(() => left.Send(FrameType.InitConfig, big));

        right.Receive()!.Value.Text.ShouldBe("boom: ünïcode");
        right.Receive()!.Value.Type.ShouldBe(FrameType.Ready);
        right.Receive()!.Value.Payload.ShouldBe(big);
        sender.Wait();
        left.Dispose();
        right.Receive().ShouldBeNull();
    }

    [Fact]
    public void A_silent_peer_times_out_instead_of_hanging()
    {
        var (a, b) = Fd.SocketPair(Af.SOCK_STREAM);
        using var left = new FrameChannel(a);
        using var right = new FrameChannel(b);
        var started = DateTime.UtcNow;
        Should.Throw<TimeoutException>(() => right.Receive(timeoutMs: 100));
        (DateTime.UtcNow - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(90));
        left.Send(FrameType.Ready);
        right.Receive(timeoutMs: 1000)!.Value.Type.ShouldBe(FrameType.Ready);
    }

    [Fact]
    public void The_header_is_type_then_length_little_endian()
    {
        FrameChannel.Encode(FrameType.Pids, Encoding.ASCII.GetBytes("ab")).ShouldBe(new byte[] { 0x42, 0, 0, 0, 2, 0, 0, 0, (byte)'a', (byte)'b' });
    }

    [Fact]
    public void An_oversized_length_is_rejected_before_allocating()
    {
        Should.Throw<InvalidDataException>(() => FrameChannel.DecodeHeader(new byte[] { 0x50, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f }));
    }
}
