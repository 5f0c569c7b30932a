using System.Buffers.Binary;
using OciRuntime.Core.Launch;
using OciRuntime.Linux;

namespace OciRuntime.Init.Mounts;

/// <summary>
/// Init's half of an idmapped mount: ask the parent (which has the privilege over the source filesystem) for the
/// detached, idmapped mount of /mounts/N; it arrives as one SCM_RIGHTS message. If the parent can't build it,
/// it reports the error and kills us, so no answer other than the descriptor is expected.
/// </summary>
public static class IdmappedMountRequest
{
    public static int Ask(FrameChannel channel, int index)
    {
        Span<byte> payload = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(payload, index);
        channel.Send(FrameType.MountFdPlease, payload);
        return UnixSocket.ReceiveFd(channel.Fd).Fd;
    }
}
