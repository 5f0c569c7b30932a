using System.Net;
using OciRuntime.Network;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Network;

public sealed class BridgeOptionsTests
{
    [Fact]
    public void Defaults_are_ociruntime0_on_10_88_0_1_16()
    {
        var options = BridgeOptions.From(null, null, null);
        options.Bridge.ShouldBe("ociruntime0");
        options.BridgeIp.ToString().ShouldBe("10.88.0.1/16");
        options.BridgeIp.Network.ToString().ShouldBe("10.88.0.0");
        options.Address.ShouldBeNull();
    }

    [Theory]
    [InlineData("ocirt-much-too-long", null, null, "--bridge: interface name ocirt-much-too-long is longer than 15 bytes")]
    [InlineData("a/b", null, null, "--bridge: interface name a/b contains")]
    [InlineData(null, "10.88.0.1", null, "--bridge-ip 10.88.0.1: not an IPv4 address with a prefix length")]
    [InlineData(null, "10.88.0.0/16", null, "--bridge-ip 10.88.0.0/16: the bridge needs a host address")]
    [InlineData(null, "10.88/16", null, "--bridge-ip 10.88/16: not an IPv4")]
    [InlineData(null, null, "10.99.0.5", "--address 10.99.0.5: outside the bridge subnet 10.88.0.0/16")]
    [InlineData(null, null, "10.88.255.255", "--address 10.88.255.255: outside the bridge subnet")]
    [InlineData(null, null, "10.88.0.1", "--address 10.88.0.1: that is the bridge's own address")]
    [InlineData(null, null, "fe80::1", "--address fe80::1: not an IPv4 address")]
    public void Bad_flags_are_refused_naming_the_flag(string? bridge, string? bridgeIp, string? address, string message)
    {
        Should.Throw<NetworkSetupException>(() => BridgeOptions.From(bridge, bridgeIp, address)).Message.ShouldStartWith(message);
    }

    [Fact]
    public void A_static_address_in_the_subnet_is_taken()
    {
        BridgeOptions.From("br-test", "10.211.5.1/24", "10.211.5.40").Address.ShouldBe(IPAddress.Parse("10.211.5.40"));
    }

    [Fact]
    public void Host_interface_names_fit_ifnamsiz_and_are_stable_per_bridge_and_container()
    {
        var options = BridgeOptions.From(null, null, null);
        string name = options.HostInterfaceFor("a-container-with-a-rather-long-id");
        name.Length.ShouldBe(15);
        name.ShouldStartWith("ocv");
        options.HostInterfaceFor("a-container-with-a-rather-long-id").ShouldBe(name);
        options.HostInterfaceFor("another").ShouldNotBe(name);
        BridgeOptions.From("other0", null, null).HostInterfaceFor("a-container-with-a-rather-long-id").ShouldNotBe(name);
    }

    [Fact]
    public void Subnet_hosts_skip_the_network_and_broadcast_addresses()
    {
        var subnet = Ipv4Subnet.TryParse("192.0.2.9/30")!;
        subnet.Hosts().Select(a => a.ToString()).ShouldBe(["192.0.2.9", "192.0.2.10"]);
        subnet.IsHost(IPAddress.Parse("192.0.2.8")).ShouldBeFalse();
        subnet.IsHost(IPAddress.Parse("192.0.2.11")).ShouldBeFalse();
        Ipv4Subnet.Broadcast(IPAddress.Parse("10.88.3.4"), 16).ToString().ShouldBe("10.88.255.255");
    }

    [Fact]
    public void The_address_table_round_trips()
    {
        var leases = new Dictionary<string, AddressLease> { ["b"] = new("10.88.0.3", "ocv2"), ["a"] = new("10.88.0.2", "ocv1") };
        var parsed = AddressTable.Parse(AddressTable.Serialize(leases));
        parsed.ShouldBe(leases, ignoreOrder: true);
        AddressTable.Parse([]).ShouldBeEmpty();
    }

    [Fact]
    public void The_address_table_is_locked_and_saved_in_place()
    {
        string dir = Directory.CreateTempSubdirectory("ocirt-table-").FullName;
        try
        {
            string path = AddressTable.PathFor(dir, "br0");
            using (var table = AddressTable.Lock(path))
            {
                table.Leases["c1"] = new AddressLease("10.88.0.2", "ocv1");
                table.Save();
                table.Holder("10.88.0.2").ShouldBe("c1");
                table.Holder("10.88.0.3").ShouldBeNull();
            }
            using (var table = AddressTable.Lock(path))
            {
                table.Leases.Keys.ShouldBe(["c1"]);
                table.Leases.Clear();
                table.Save();
            }
            AddressTable.Parse(File.ReadAllBytes(path)).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
