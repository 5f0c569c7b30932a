using System.Text;
using OciRuntime.Core.Json;
using OciRuntime.Linux;

namespace OciRuntime.Core.Launch;

/// <summary>Where a container's seccomp listener goes: linux.seccomp.listenerPath, and the state to send with it.</summary>
/// <param name="State">The container's state document, given the pid of the process that loaded the filter.</param>
public sealed record SeccompListenerTarget(string Path, string? Metadata, string OciVersion, Func<int, byte[]> State);

/// <summary>
/// The parent's half of the seccomp notify hand-over: receive the listener from init over the init socket, connect to
/// listenerPath and send the runtime-spec containerProcessState with the descriptor (SCM_RIGHTS), then close our
/// copy and let init go on. The agent at listenerPath owns the descriptor from then on.
/// </summary>
public static class SeccompListenerDelivery
{
    public static void Deliver(FrameChannel channel, int processPid, SeccompListenerTarget target)
    {
        var (listener, _) = UnixSocket.ReceiveFd(channel.Fd);
        try
        {
            int agent;
            try { agent = UnixSocket.Connect(target.Path); }
            catch (Exception e) when (e is SysError or ArgumentException)
            {
                throw new RuntimeError($"/linux/seccomp/listenerPath: {e.Message}");
            }
            try { UnixSocket.SendFd(agent, listener, Encoding.UTF8.GetString(ProcessState(processPid, target))); }
            finally { Libc.close(agent); }
        }
        finally
        {
            Libc.close(listener);
        }
        channel.Send(FrameType.SeccompListenerDelivered);
    }

    /// <summary>runtime-spec "containerProcessState": the descriptor's name in fds, the process, and the container.</summary>
    public static byte[] ProcessState(int processPid, SeccompListenerTarget target) => SmallJson.Write(w =>
    {
        w.WriteString("ociVersion", target.OciVersion);
        SmallJson.WriteList(w, "fds", ["seccompFd"]);
        w.WriteNumber("pid", processPid);
        w.WriteString("metadata", target.Metadata ?? "");
        w.WritePropertyName("state");
        w.WriteRawValue(target.State(processPid));
    });
}
