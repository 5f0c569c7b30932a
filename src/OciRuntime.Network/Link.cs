using System.Buffers.Binary;
using OciRuntime.Linux;

namespace OciRuntime.Network;

/// <summary>Network interfaces through rtnetlink: find, create (bridge, veth, dummy), attach, move, rename, up, delete.</summary>
public static class Link
{
    private const int ENODEV = 19;

    /// <summary>The interface's index, or 0 when there is no interface of that name.</summary>
    public static int IndexOf(NetlinkSocket socket, string name)
    {
        try
        {
            var reply = socket.Get(new NetlinkMessage(Rtnl.RTM_GETLINK, 0).IfInfo().Attribute(Rtnl.IFLA_IFNAME, name), $"find interface {name}");
            return BinaryPrimitives.ReadInt32LittleEndian(reply.Body.AsSpan(4));
        }
        catch (SysError e) when (e.Errno == ENODEV)
        {
            return 0;
        }
    }

    public static int RequireIndex(NetlinkSocket socket, string name) =>
        IndexOf(socket, name) is > 0 and var index ? index : throw new SysError("find interface", name, ENODEV);

    public static void CreateBridge(NetlinkSocket socket, string name) => Create(socket, name, "bridge", $"create bridge {name}");

    public static void CreateDummy(NetlinkSocket socket, string name) => Create(socket, name, "dummy", $"create dummy {name}");

    /// <summary>A veth pair whose peer is born in another network namespace, already named as it will be used there.</summary>
    public static void CreateVeth(NetlinkSocket socket, string name, string peerName, int peerNetnsFd) =>
        socket.Request(new NetlinkMessage(Rtnl.RTM_NEWLINK, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL).IfInfo()
            .Attribute(Rtnl.IFLA_IFNAME, name)
            .BeginNested(Rtnl.IFLA_LINKINFO)
                .Attribute(Rtnl.IFLA_INFO_KIND, "veth")
                .BeginNested(Rtnl.IFLA_INFO_DATA)
                    .BeginNested(Rtnl.VETH_INFO_PEER).IfInfo()
                        .Attribute(Rtnl.IFLA_IFNAME, peerName)
                        .Attribute(Rtnl.IFLA_NET_NS_FD, (uint)peerNetnsFd)
                    .EndNested()
                .EndNested()
            .EndNested(), $"create veth {name}");

    public static void SetMaster(NetlinkSocket socket, int index, int masterIndex) =>
        socket.Request(new NetlinkMessage(Rtnl.RTM_NEWLINK, 0).IfInfo(index).Attribute(Rtnl.IFLA_MASTER, (uint)masterIndex),
            $"attach interface {index} to bridge");

    public static void SetUp(NetlinkSocket socket, int index) =>
        socket.Request(new NetlinkMessage(Rtnl.RTM_NEWLINK, 0).IfInfo(index, Rtnl.IFF_UP, Rtnl.IFF_UP), $"bring interface {index} up");

    /// <summary>Moves an interface into the namespace <paramref name="netnsFd"/>, renaming it there in the same step.</summary>
    public static void MoveToNamespace(NetlinkSocket socket, int index, int netnsFd, string nameThere) =>
        socket.Request(new NetlinkMessage(Rtnl.RTM_NEWLINK, 0).IfInfo(index)
            .Attribute(Rtnl.IFLA_NET_NS_FD, (uint)netnsFd).Attribute(Rtnl.IFLA_IFNAME, nameThere), $"move interface {index}");

    public static void Delete(NetlinkSocket socket, int index) =>
        socket.Request(new NetlinkMessage(Rtnl.RTM_DELLINK, 0).IfInfo(index), $"delete interface {index}");

    /// <summary>Deletes the interface if it exists; true when there was one.</summary>
    public static bool DeleteIfPresent(NetlinkSocket socket, string name)
    {
        int index = IndexOf(socket, name);
        if (index == 0) return false;
        try
        {
            Delete(socket, index);
        }
        catch (SysError e) when (e.Errno == ENODEV)
        {
            return false;
        }
        return true;
    }

    private static void Create(NetlinkSocket socket, string name, string kind, string what) =>
        socket.Request(new NetlinkMessage(Rtnl.RTM_NEWLINK, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL).IfInfo()
            .Attribute(Rtnl.IFLA_IFNAME, name)
            .BeginNested(Rtnl.IFLA_LINKINFO).Attribute(Rtnl.IFLA_INFO_KIND, kind).EndNested(), what);
}
