using System.Net;
using OciRuntime.Linux;

namespace OciRuntime.Network;

/// <summary>
/// Connects a container to a Linux bridge on the host: a veth pair with eth0 inside the container, an address
/// from the bridge's subnet and a default route via the bridge. Undone by <see cref="Release"/>.
/// </summary>
public sealed class BridgeNetwork(BridgeOptions options, string stateRoot)
{
    private string TablePath => AddressTable.PathFor(stateRoot, options.Bridge);

    /// <summary>Connects the container whose init is <paramref name="pid"/>; returns its address. On failure nothing is left.</summary>
    public IPAddress Attach(string containerId, int pid)
    {
        // The hook runs in the runtime's namespaces: the same namespace means the container has none of its own,
        // and an eth0, address and default route would land on the host.
        if (new FileInfo($"/proc/{pid}/ns/net").LinkTarget == new FileInfo("/proc/self/ns/net").LinkTarget)
            throw new NetworkSetupException($"container {containerId} shares the host's network namespace: add {{\"type\": \"network\"}} to /linux/namespaces");
        using var table = AddressTable.Lock(TablePath);
        if (table.Leases.TryGetValue(containerId, out var existing))
            throw new NetworkSetupException($"container {containerId} already has {existing.Address} on {options.Bridge}");
        IPAddress address = PickAddress(table);
        string hostEnd = options.HostInterfaceFor(containerId);

        int netns = SysError.Check(Libc.open($"/proc/{pid}/ns/net", O.RDONLY | O.CLOEXEC, 0), "open", $"/proc/{pid}/ns/net");
        using var host = NetlinkSocket.Open();
        bool madeBridge = false, madeVeth = false;
        try
        {
            int bridge = EnsureBridge(host, out madeBridge);
            Link.CreateVeth(host, hostEnd, BridgeOptions.ContainerInterface, netns);
            madeVeth = true;
            int hostIndex = Link.RequireIndex(host, hostEnd);
            Link.SetMaster(host, hostIndex, bridge);
            Link.SetUp(host, hostIndex);

            using var inside = NetlinkSocket.OpenIn(netns);
            Link.SetUp(inside, Link.RequireIndex(inside, "lo"));
            int eth0 = Link.RequireIndex(inside, BridgeOptions.ContainerInterface);
            Address.AddIpv4(inside, eth0, address, options.BridgeIp.PrefixLength);
            Link.SetUp(inside, eth0);
            Route.AddDefaultIpv4(inside, eth0, options.BridgeIp.Address);

            table.Leases[containerId] = new AddressLease(address.ToString(), hostEnd);
            table.Save();
            return address;
        }
        catch
        {
            if (madeVeth) Link.DeleteIfPresent(host, hostEnd);
            if (madeBridge) Link.DeleteIfPresent(host, options.Bridge);
            throw;
        }
        finally
        {
            Libc.close(netns);
        }
    }

    /// <summary>Gives the container's address back and removes the host end of its veth (if the namespace's end has not taken it along).</summary>
    public void Release(string containerId)
    {
        using (var host = NetlinkSocket.Open()) Link.DeleteIfPresent(host, options.HostInterfaceFor(containerId));
        if (!File.Exists(TablePath)) return;
        using var table = AddressTable.Lock(TablePath);
        if (table.Leases.Remove(containerId)) table.Save();
    }

    private IPAddress PickAddress(AddressTable table)
    {
        if (options.Address is { } wanted)
        {
            string? holder = table.Holder(wanted.ToString());
            if (holder is not null) throw new NetworkSetupException($"--address {wanted}: in use by container {holder} on {options.Bridge}");
            return wanted;
        }
        foreach (var candidate in options.BridgeIp.Hosts())
            if (!candidate.Equals(options.BridgeIp.Address) && table.Holder(candidate.ToString()) is null) return candidate;
        throw new NetworkSetupException($"no free address left in {options.BridgeIp.Network}/{options.BridgeIp.PrefixLength} on {options.Bridge}");
    }

    /// <summary>The bridge's index, creating it with its address and bringing it up when it is not there yet.</summary>
    private int EnsureBridge(NetlinkSocket host, out bool made)
    {
        made = false;
        int index = Link.IndexOf(host, options.Bridge);
        if (index == 0)
        {
            Link.CreateBridge(host, options.Bridge);
            made = true;
            index = Link.RequireIndex(host, options.Bridge);
        }
        Address.AddIpv4(host, index, options.BridgeIp.Address, options.BridgeIp.PrefixLength);
        Link.SetUp(host, index);
        return index;
    }
}
