using System.Buffers.Binary;
using System.Net;
using OciRuntime.Linux;

namespace OciRuntime.Network;

/// <summary>Interface addresses through rtnetlink.</summary>
public static class Address
{
    private const int EEXIST = 17;

    /// <summary>Adds an IPv4 address with its prefix (and the subnet's broadcast address, as `ip addr add ... brd +`).</summary>
    public static void AddIpv4(NetlinkSocket socket, int index, IPAddress address, int prefixLength)
    {
        byte[] local = address.GetAddressBytes();
        byte[] broadcast = Ipv4Subnet.Broadcast(address, prefixLength).GetAddressBytes();
        Add(socket, index, new InterfaceAddress(Rtnl.AF_INET, (byte)prefixLength, Rtnl.RT_SCOPE_UNIVERSE, local, local, broadcast));
    }

    /// <summary>Adds an address; one that is already there is left alone.</summary>
    public static void Add(NetlinkSocket socket, int index, InterfaceAddress address)
    {
        var message = new NetlinkMessage(Rtnl.RTM_NEWADDR, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL)
            .IfAddr(address.Family, address.PrefixLength, index, address.Scope)
            .Attribute(Rtnl.IFA_LOCAL, address.Local);
        if (address.Peer is not null) message.Attribute(Rtnl.IFA_ADDRESS, address.Peer);
        if (address.Broadcast is not null) message.Attribute(Rtnl.IFA_BROADCAST, address.Broadcast);
        try
        {
            socket.Request(message, $"add address {address}");
        }
        catch (SysError e) when (e.Errno == EEXIST)
        {
        }
    }

    /// <summary>Every IPv4 and IPv6 address on the interface, except the IPv6 link-local ones the kernel makes itself.</summary>
    public static List<InterfaceAddress> List(NetlinkSocket socket, int index)
    {
        var addresses = new List<InterfaceAddress>();
        foreach (var reply in socket.Dump(new NetlinkMessage(Rtnl.RTM_GETADDR, Rtnl.NLM_F_DUMP).IfAddr(0, 0, 0), "list addresses"))
        {
            if (reply.Type != Rtnl.RTM_NEWADDR || reply.Body.Length < Rtnl.IfAddrSize) continue;
            if (BinaryPrimitives.ReadInt32LittleEndian(reply.Body.AsSpan(4)) != index) continue;
            byte family = reply.Body[0], prefix = reply.Body[1], scope = reply.Body[3];
            var attributes = reply.Attributes(Rtnl.IfAddrSize);
            attributes.TryGetValue(Rtnl.IFA_ADDRESS, out byte[]? peer);
            byte[]? local = attributes.GetValueOrDefault(Rtnl.IFA_LOCAL) ?? peer;
            if (local is null) continue;
            if (family == Rtnl.AF_INET6 && local[0] == 0xfe && (local[1] & 0xc0) == 0x80) continue;
            addresses.Add(new InterfaceAddress(family, prefix, scope, local, peer, attributes.GetValueOrDefault(Rtnl.IFA_BROADCAST)));
        }
        return addresses;
    }
}
