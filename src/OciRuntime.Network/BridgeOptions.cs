using System.Net;

namespace OciRuntime.Network;

/// <summary>
/// The `network` hook's settings, checked before anything is made. Problems name the flag at fault.
/// </summary>
public sealed record BridgeOptions(string Bridge, Ipv4Subnet BridgeIp, IPAddress? Address)
{
    public const string DefaultBridge = "ociruntime0";
    public const string DefaultBridgeIp = "10.88.0.1/16";
    public const string ContainerInterface = "eth0";

    /// <summary>Validates the flags' values; throws <see cref="NetworkSetupException"/> naming the flag.</summary>
    public static BridgeOptions From(string? bridge, string? bridgeIp, string? address)
    {
        bridge ??= DefaultBridge;
        if (Spec.InterfaceNames.Problem(bridge) is { } problem) throw new NetworkSetupException($"--bridge: {problem}");
        var subnet = Ipv4Subnet.TryParse(bridgeIp ?? DefaultBridgeIp)
            ?? throw new NetworkSetupException($"--bridge-ip {bridgeIp}: not an IPv4 address with a prefix length from 1 to 30, like {DefaultBridgeIp}");
        if (!subnet.IsHost(subnet.Address)) throw new NetworkSetupException($"--bridge-ip {bridgeIp}: the bridge needs a host address, not the network or broadcast address");
        IPAddress? fixedAddress = null;
        if (address is not null)
        {
            fixedAddress = Ipv4Subnet.ParseIpv4(address) ?? throw new NetworkSetupException($"--address {address}: not an IPv4 address");
            if (!subnet.IsHost(fixedAddress)) throw new NetworkSetupException($"--address {address}: outside the bridge subnet {subnet.Network}/{subnet.PrefixLength}");
            if (fixedAddress.Equals(subnet.Address)) throw new NetworkSetupException($"--address {address}: that is the bridge's own address");
        }
        return new BridgeOptions(bridge, subnet, fixedAddress);
    }

    /// <summary>
    /// The host end of a container's veth pair: short enough for IFNAMSIZ and the same for the same container, so
    /// poststop finds it even if the table were lost. "ocv" and 12 hex digits of an FNV-1a hash of bridge and id.
    /// </summary>
    public string HostInterfaceFor(string containerId)
    {
        ulong hash = 14695981039346656037;
        foreach (byte b in System.Text.Encoding.UTF8.GetBytes(Bridge + "\0" + containerId)) hash = (hash ^ b) * 1099511628211;
        return "ocv" + (hash & 0xffff_ffff_ffff).ToString("x12");
    }
}
