using System.Net;

namespace OciRuntime.Network;

/// <summary>Routes through rtnetlink.</summary>
public static class Route
{
    /// <summary>The IPv4 default route through <paramref name="gateway"/> on interface <paramref name="index"/>.</summary>
    public static void AddDefaultIpv4(NetlinkSocket socket, int index, IPAddress gateway) =>
        socket.Request(new NetlinkMessage(Rtnl.RTM_NEWROUTE, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL)
            .RtMsg(Rtnl.AF_INET, 0)
            .Attribute(Rtnl.RTA_GATEWAY, gateway.GetAddressBytes())
            .Attribute(Rtnl.RTA_OIF, (uint)index), $"add default route via {gateway}");
}
