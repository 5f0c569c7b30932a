using System.Runtime.InteropServices;
using System.Text;

namespace OciRuntime.Linux;

/// <summary>
/// AF_UNIX stream sockets by path, and passing a descriptor across one with SCM_RIGHTS (runc's console-socket
/// protocol: one message whose data is the pty's name and whose control message carries the master).
/// </summary>
public static unsafe partial class UnixSocket
{
    private const int SOL_SOCKET = 1, SCM_RIGHTS = 1;

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVec { public void* Base; public nuint Length; }

    [StructLayout(LayoutKind.Sequential)]
    private struct MsgHdr
    {
        public void* Name; public uint NameLength; public IoVec* Iov; public nuint IovLength;
        public void* Control; public nuint ControlLength; public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct CmsgHdr { public nuint Length; public int Level; public int Type; }

    [LibraryImport("libc", SetLastError = true)] private static partial int socket(int domain, int type, int protocol);
    [LibraryImport("libc", SetLastError = true)] private static partial int connect(int fd, byte* addr, uint length);
    [LibraryImport("libc", SetLastError = true)] private static partial nint sendmsg(int fd, MsgHdr* msg, int flags);
    [LibraryImport("libc", SetLastError = true)] private static partial nint recvmsg(int fd, MsgHdr* msg, int flags);

    /// <summary>Connects to a listening socket at <paramref name="path"/>; returns the connected descriptor.</summary>
    public static int Connect(string path)
    {
        byte[] pathBytes = Encoding.UTF8.GetBytes(path);
        if (pathBytes.Length >= 108) throw new ArgumentException($"socket path {path} is longer than 107 bytes");
        int fd = SysError.Check(socket(Af.UNIX, Af.SOCK_STREAM | Af.SOCK_CLOEXEC, 0), "socket");
        byte* addr = stackalloc byte[110];
        new Span<byte>(addr, 110).Clear();
        *(ushort*)addr = (ushort)Af.UNIX;
        pathBytes.CopyTo(new Span<byte>(addr + 2, 108));
        if (connect(fd, addr, (uint)(2 + pathBytes.Length + 1)) < 0)
        {
            int e = Errno.Last;
            Libc.close(fd);
            throw new SysError("connect", path, e);
        }
        return fd;
    }

    public static void SendFd(int socketFd, int fdToSend, string name)
    {
        byte[] data = Encoding.UTF8.GetBytes(name);
        int controlLength = Align(sizeof(CmsgHdr)) + Align(sizeof(int));
        byte* control = stackalloc byte[controlLength];
        new Span<byte>(control, controlLength).Clear();
        var cmsg = (CmsgHdr*)control;
        cmsg->Length = (nuint)(Align(sizeof(CmsgHdr)) + sizeof(int));
        cmsg->Level = SOL_SOCKET;
        cmsg->Type = SCM_RIGHTS;
        *(int*)(control + Align(sizeof(CmsgHdr))) = fdToSend;
        fixed (byte* d = data)
        {
            var iov = new IoVec { Base = d, Length = (nuint)data.Length };
            var msg = new MsgHdr { Iov = &iov, IovLength = 1, Control = control, ControlLength = (nuint)controlLength };
            if (sendmsg(socketFd, &msg, 0) < 0) throw new SysError("sendmsg", "console socket", Errno.Last);
        }
    }

    /// <summary>Receives one descriptor sent with <see cref="SendFd"/>, and the name that came with it.</summary>
    public static (int Fd, string Name) ReceiveFd(int socketFd)
    {
        byte[] data = new byte[4096];
        int controlLength = Align(sizeof(CmsgHdr)) + Align(sizeof(int));
        byte* control = stackalloc byte[controlLength];
        fixed (byte* d = data)
        {
            var iov = new IoVec { Base = d, Length = (nuint)data.Length };
            var msg = new MsgHdr { Iov = &iov, IovLength = 1, Control = control, ControlLength = (nuint)controlLength };
            nint n = recvmsg(socketFd, &msg, 0x40000000 /* MSG_CMSG_CLOEXEC */);
            if (n < 0) throw new SysError("recvmsg", "console socket", Errno.Last);
            var cmsg = (CmsgHdr*)control;
            if (msg.ControlLength < (nuint)sizeof(CmsgHdr) || cmsg->Level != SOL_SOCKET || cmsg->Type != SCM_RIGHTS)
                throw new InvalidDataException("no descriptor arrived on the console socket");
            return (*(int*)(control + Align(sizeof(CmsgHdr))), Encoding.UTF8.GetString(data, 0, (int)n));
        }
    }

    private static int Align(int length) => (length + sizeof(nuint) - 1) & ~(sizeof(nuint) - 1);
}
