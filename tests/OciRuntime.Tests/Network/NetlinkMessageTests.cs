using OciRuntime.Network;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Network;

/// <summary>The byte layouts the kernel parses: header, family headers, attribute padding and nesting.</summary>
public sealed class NetlinkMessageTests
{
    [Fact]
    public void A_set_up_request_is_a_header_and_an_ifinfomsg()
    {
        byte[] bytes = new NetlinkMessage(Rtnl.RTM_NEWLINK, 0).IfInfo(7, Rtnl.IFF_UP, Rtnl.IFF_UP).ToArray(sequence: 5);
        bytes.ShouldBe(new byte[]
        {
            32, 0, 0, 0, /* length */ 16, 0, /* RTM_NEWLINK */ 1, 0, /* NLM_F_REQUEST */ 5, 0, 0, 0, /* seq */ 0, 0, 0, 0, /* pid */
            0, 0, 0, 0, /* family, pad, type */ 7, 0, 0, 0, /* index */ 1, 0, 0, 0, /* flags */ 1, 0, 0, 0, /* change */
        });
    }

    [Fact]
    public void A_string_attribute_is_nul_terminated_and_padded_to_four_bytes()
    {
        byte[] bytes = new NetlinkMessage(Rtnl.RTM_GETLINK, 0).IfInfo().Attribute(Rtnl.IFLA_IFNAME, "eth0").ToArray(1);
        bytes.Length.ShouldBe(16 + 16 + 12);
        bytes[32..].ShouldBe(new byte[] { 9, 0, 3, 0, (byte)'e', (byte)'t', (byte)'h', (byte)'0', 0, 0, 0, 0 });
    }

    [Fact]
    public void Nested_attributes_carry_the_length_of_their_children()
    {
        byte[] bytes = new NetlinkMessage(Rtnl.RTM_NEWLINK, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL).IfInfo()
            .BeginNested(Rtnl.IFLA_LINKINFO).Attribute(Rtnl.IFLA_INFO_KIND, "bridge").EndNested().ToArray(1);
        // IFLA_LINKINFO: its 4 bytes + IFLA_INFO_KIND (4 + "bridge\0" = 11, padded to 12 inside the nest)
        bytes[32..36].ShouldBe(new byte[] { 16, 0, 18, 0 });
        bytes[36..40].ShouldBe(new byte[] { 11, 0, 1, 0 });
        bytes.Length.ShouldBe(48);
        BitConverter.ToUInt16(bytes, 6).ShouldBe((ushort)(Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL));
    }

    [Fact]
    public void A_veth_peer_nests_its_own_ifinfomsg()
    {
        byte[] bytes = new NetlinkMessage(Rtnl.RTM_NEWLINK, 0).IfInfo()
            .BeginNested(Rtnl.IFLA_LINKINFO).BeginNested(Rtnl.IFLA_INFO_DATA).BeginNested(Rtnl.VETH_INFO_PEER).IfInfo()
            .Attribute(Rtnl.IFLA_NET_NS_FD, 9u).EndNested().EndNested().EndNested().ToArray(1);
        // peer: 4 header + 16 ifinfomsg + 8 fd attribute
        BitConverter.ToUInt16(bytes, 40).ShouldBe((ushort)28);
        BitConverter.ToUInt16(bytes, 36).ShouldBe((ushort)32);
        BitConverter.ToUInt16(bytes, 32).ShouldBe((ushort)36);
        bytes[^8..].ShouldBe(new byte[] { 8, 0, 28, 0, 9, 0, 0, 0 });
    }

    [Fact]
    public void An_open_nested_attribute_cannot_be_sent()
    {
        Should.Throw<InvalidOperationException>(() => new NetlinkMessage(Rtnl.RTM_NEWLINK, 0).IfInfo().BeginNested(Rtnl.IFLA_LINKINFO).ToArray(1));
    }

    [Fact]
    public void Replies_are_split_and_their_attributes_read()
    {
        byte[] first = new NetlinkMessage(Rtnl.RTM_NEWADDR, 0).IfAddr(Rtnl.AF_INET, 24, 3).Attribute(Rtnl.IFA_LOCAL, [10, 211, 0, 2]).ToArray(4);
        byte[] done = new NetlinkMessage(Rtnl.NLMSG_DONE, 0).ToArray(4);
        var replies = NetlinkReply.Parse([.. first, .. done]);
        replies.Select(r => r.Type).ShouldBe([Rtnl.RTM_NEWADDR, Rtnl.NLMSG_DONE]);
        replies[0].Sequence.ShouldBe(4u);
        replies[0].Body[1].ShouldBe((byte)24);
        replies[0].Attributes(Rtnl.IfAddrSize)[Rtnl.IFA_LOCAL].ShouldBe(new byte[] { 10, 211, 0, 2 });
    }

    [Fact]
    public void An_error_reply_carries_the_negative_errno()
    {
        byte[] error = [.. new NetlinkMessage(Rtnl.NLMSG_ERROR, 0).ToArray(2), 0xef, 0xff, 0xff, 0xff];
        error[0] = (byte)error.Length;
        NetlinkReply.Parse(error)[0].Error.ShouldBe(-17);
    }

    [Fact]
    public void A_truncated_message_is_refused()
    {
        byte[] bytes = new NetlinkMessage(Rtnl.RTM_NEWLINK, 0).IfInfo().ToArray(1);
        Should.Throw<InvalidDataException>(() => NetlinkReply.Parse(bytes.AsSpan(0, 20)));
    }
}
