using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace OciRuntime.Network;

/// <summary>An IPv4 address with its prefix length ("10.88.0.1/16"): the bridge's own address and its subnet.</summary>
public sealed record Ipv4Subnet(IPAddress Address, int PrefixLength)
{
    /// <summary>Parses "a.b.c.d/n"; null when the text is not that (n from 1 to 30, so the subnet has hosts).</summary>
    public static Ipv4Subnet? TryParse(string text)
    {
        int slash = text.IndexOf('/');
        if (slash < 0 || !int.TryParse(text.AsSpan(slash + 1), out int prefix) || prefix is < 1 or > 30) return null;
        var address = ParseIpv4(text[..slash]);
        return address is null ? null : new Ipv4Subnet(address, prefix);
    }

    /// <summary>Strict dotted-quad IPv4 (IPAddress.TryParse also takes "10" or "10.1", which are surprising here).</summary>
    public static IPAddress? ParseIpv4(string text) =>
        text.Split('.').Length == 4 && IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork
            ? address : null;

    public IPAddress Network => FromUInt(ToUInt(Address) & Mask);

    public bool Contains(IPAddress address) => (ToUInt(address) & Mask) == (ToUInt(Address) & Mask);

    /// <summary>A host address in the subnet: not the network or broadcast address.</summary>
    public bool IsHost(IPAddress address) =>
        Contains(address) && ToUInt(address) != ToUInt(Network) && !address.Equals(Broadcast(Address, PrefixLength));

    /// <summary>The host addresses in order, from the network address + 1.</summary>
    public IEnumerable<IPAddress> Hosts()
    {
        uint first = (ToUInt(Address) & Mask) + 1, last = ToUInt(Broadcast(Address, PrefixLength)) - 1;
        for (uint a = first; a <= last; a++) yield return FromUInt(a);
    }

    public override string ToString() => $"{Address}/{PrefixLength}";

    public static IPAddress Broadcast(IPAddress address, int prefixLength) =>
        FromUInt(ToUInt(address) | ~MaskOf(prefixLength));

    private uint Mask => MaskOf(PrefixLength);

    private static uint MaskOf(int prefixLength) => prefixLength == 0 ? 0 : uint.MaxValue << (32 - prefixLength);

    private static uint ToUInt(IPAddress address) => BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());

    private static IPAddress FromUInt(uint value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }
}
