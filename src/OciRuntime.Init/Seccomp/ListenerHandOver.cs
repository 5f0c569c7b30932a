using OciRuntime.Core.Launch;
using OciRuntime.Linux;

namespace OciRuntime.Init.Seccomp;

/// <summary>
/// Init's half of handing a seccomp listener to the parent: a SeccompListener frame, then one message carrying
/// the descriptor (SCM_RIGHTS can't ride on the framed reads), then wait until the parent has passed it on.
/// </summary>
public static class ListenerHandOver
{
    public static void Send(FrameChannel channel, int listener)
    {
        channel.Send(FrameType.SeccompListener);
        UnixSocket.SendFd(channel.Fd, listener, "seccomp");
        Frame? reply = channel.Receive();
        if (reply?.Type != FrameType.SeccompListenerDelivered)
            throw new InvalidOperationException("/linux/seccomp/listenerPath: the parent did not deliver the seccomp listener");
    }
}
