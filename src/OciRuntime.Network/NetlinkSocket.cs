using System.Runtime.InteropServices;
using OciRuntime.Linux;

namespace OciRuntime.Network;

/// <summary>
/// A NETLINK_ROUTE socket. It talks to the network namespace it was created in for its whole life, which is
/// how this runtime configures a container's namespace without moving the process: see <see cref="OpenIn"/>.
/// </summary>
public sealed unsafe partial class NetlinkSocket : IDisposable
{
    private const int SOCK_RAW = 3, SOCK_CLOEXEC = 0x80000, CLONE_NEWNET = 0x40000000;
    private readonly int _fd;
    private uint _sequence;

    private NetlinkSocket(int fd) => _fd = fd;

    /// <summary>A socket in the calling thread's network namespace.</summary>
    public static NetlinkSocket Open() =>
        new(SysError.Check(socket(Rtnl.AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, Rtnl.NETLINK_ROUTE), "socket(AF_NETLINK)"));

    /// <summary>
    /// A socket bound to the network namespace <paramref name="netnsFd"/> refers to. setns(CLONE_NEWNET) only
    /// moves the calling thread, so a short-lived thread joins the namespace, makes the socket and ends.
    /// </summary>
    public static NetlinkSocket OpenIn(int netnsFd)
    {
        NetlinkSocket? opened = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                SysError.Check(setns(netnsFd, CLONE_NEWNET), "setns(CLONE_NEWNET)");
                opened = Open();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        return opened ?? throw failure!;
    }

    /// <summary>Sends a request and waits for its ACK; throws <see cref="SysError"/> with the kernel's errno.</summary>
    public void Request(NetlinkMessage message, string what) => Exchange(message.ToArray(++_sequence), what, null);

    /// <summary>Sends a dump request and returns every message of the reply.</summary>
    public List<NetlinkReply> Dump(NetlinkMessage message, string what)
    {
        var replies = new List<NetlinkReply>();
        Exchange(message.ToArray(++_sequence), what, replies);
        return replies;
    }

    /// <summary>A request whose one answer carries data (RTM_GETLINK by name).</summary>
    public NetlinkReply Get(NetlinkMessage message, string what)
    {
        var replies = new List<NetlinkReply>();
        Exchange(message.ToArray(++_sequence), what, replies);
        return replies.Count > 0 ? replies[0] : throw new InvalidDataException($"{what}: the kernel sent no answer");
    }

    private void Exchange(byte[] request, string what, List<NetlinkReply>? data)
    {
        uint sequence = BitConverter.ToUInt32(request, 8);
        // A plain request is only finished when the kernel acknowledges it.
        if (data is null) request[6] |= (byte)Rtnl.NLM_F_ACK;
        fixed (byte* p = request)
        {
            if (send(_fd, p, request.Length, 0) != request.Length) throw new SysError("send(netlink)", what, Errno.Last);
        }
        byte[] buffer = new byte[32768];
        while (true)
        {
            nint received;
            fixed (byte* p = buffer) received = recv(_fd, p, buffer.Length, 0);
            if (received < 0)
            {
                if (Errno.Last == Errno.EINTR) continue;
                throw new SysError("recv(netlink)", what, Errno.Last);
            }
            foreach (var reply in NetlinkReply.Parse(buffer.AsSpan(0, (int)received)))
            {
                if (reply.Sequence != sequence) continue;
                if (reply.Type == Rtnl.NLMSG_DONE) return;
                if (reply.Type == Rtnl.NLMSG_ERROR)
                {
                    if (reply.Error != 0) throw new SysError(what, null, -reply.Error);
                    return;
                }
                data?.Add(reply);
                if (data is not null && (BitConverter.ToUInt16(request, 6) & Rtnl.NLM_F_DUMP) != Rtnl.NLM_F_DUMP) return;
            }
        }
    }

    public void Dispose() => Libc.close(_fd);

    [LibraryImport("libc", SetLastError = true)] private static partial int socket(int domain, int type, int protocol);
    [LibraryImport("libc", SetLastError = true)] private static partial int setns(int fd, int nstype);
    [LibraryImport("libc", SetLastError = true)] private static partial nint send(int fd, byte* buf, nint len, int flags);
    [LibraryImport("libc", SetLastError = true)] private static partial nint recv(int fd, byte* buf, nint len, int flags);
}
