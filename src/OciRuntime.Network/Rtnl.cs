namespace OciRuntime.Network;

/// <summary>The rtnetlink numbers this runtime uses (linux/netlink.h, linux/rtnetlink.h, linux/if_link.h).</summary>
public static class Rtnl
{
    public const int AF_NETLINK = 16, NETLINK_ROUTE = 0, AF_INET = 2, AF_INET6 = 10;

    // nlmsghdr types and flags
    public const ushort NLMSG_ERROR = 2, NLMSG_DONE = 3;
    public const ushort NLM_F_REQUEST = 0x1, NLM_F_ACK = 0x4, NLM_F_REPLACE = 0x100, NLM_F_EXCL = 0x200,
        NLM_F_CREATE = 0x400, NLM_F_DUMP = 0x300;

    // message types
    public const ushort RTM_NEWLINK = 16, RTM_DELLINK = 17, RTM_GETLINK = 18,
        RTM_NEWADDR = 20, RTM_DELADDR = 21, RTM_GETADDR = 22, RTM_NEWROUTE = 24;

    // ifinfomsg attributes
    public const ushort IFLA_IFNAME = 3, IFLA_MASTER = 10, IFLA_LINKINFO = 18, IFLA_NET_NS_FD = 28;
    public const ushort IFLA_INFO_KIND = 1, IFLA_INFO_DATA = 2, VETH_INFO_PEER = 1;
    public const uint IFF_UP = 0x1;

    // ifaddrmsg attributes
    public const ushort IFA_ADDRESS = 1, IFA_LOCAL = 2, IFA_BROADCAST = 4;

    // rtmsg
    public const byte RT_TABLE_MAIN = 254, RTPROT_BOOT = 3, RT_SCOPE_UNIVERSE = 0, RTN_UNICAST = 1;
    public const ushort RTA_OIF = 4, RTA_GATEWAY = 5;

    public const int HeaderSize = 16, IfInfoSize = 16, IfAddrSize = 8, RtMsgSize = 12;
}
