using System.Buffers.Binary;
using System.Text;

namespace OciRuntime.Network;

/// <summary>
/// Builds one netlink request: the 16-byte header, a fixed family header (ifinfomsg, ifaddrmsg, rtmsg) and
/// type-length-value attributes, each padded to 4 bytes. Nested attributes are opened and closed around
/// their children; the lengths are patched in when they close.
/// </summary>
public sealed class NetlinkMessage
{
    private readonly List<byte> _bytes = new(128);
    private readonly Stack<int> _open = new();

    public NetlinkMessage(ushort type, ushort flags)
    {
        WriteU32(0); // length, patched by ToArray
        WriteU16(type);
        WriteU16((ushort)(flags | Rtnl.NLM_F_REQUEST));
        WriteU32(0); // sequence, set by the socket
        WriteU32(0); // port id: the kernel fills it
    }

    /// <summary>struct ifinfomsg: family, type, index, flags and the mask of flags to change.</summary>
    public NetlinkMessage IfInfo(int index = 0, uint flags = 0, uint change = 0)
    {
        _bytes.Add(0); _bytes.Add(0); WriteU16(0);
        WriteU32((uint)index); WriteU32(flags); WriteU32(change);
        return this;
    }

    /// <summary>struct ifaddrmsg.</summary>
    public NetlinkMessage IfAddr(byte family, byte prefixLength, int index, byte scope = 0, byte flags = 0)
    {
        _bytes.Add(family); _bytes.Add(prefixLength); _bytes.Add(flags); _bytes.Add(scope);
        WriteU32((uint)index);
        return this;
    }

    /// <summary>struct rtmsg for a unicast route in the main table.</summary>
    public NetlinkMessage RtMsg(byte family, byte destinationLength)
    {
        _bytes.AddRange([family, destinationLength, 0, 0, Rtnl.RT_TABLE_MAIN, Rtnl.RTPROT_BOOT, Rtnl.RT_SCOPE_UNIVERSE, Rtnl.RTN_UNICAST]);
        WriteU32(0);
        return this;
    }

    public NetlinkMessage Attribute(ushort type, ReadOnlySpan<byte> value)
    {
        WriteU16((ushort)(4 + value.Length));
        WriteU16(type);
        foreach (byte b in value) _bytes.Add(b);
        Pad();
        return this;
    }

    public NetlinkMessage Attribute(ushort type, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return Attribute(type, bytes);
    }

    /// <summary>A NUL-terminated string, as the kernel expects interface names and kinds.</summary>
    public NetlinkMessage Attribute(ushort type, string value) => Attribute(type, Encoding.UTF8.GetBytes(value + "\0"));

    public NetlinkMessage BeginNested(ushort type)
    {
        _open.Push(_bytes.Count);
        WriteU16(0);
        WriteU16(type);
        return this;
    }

    public NetlinkMessage EndNested()
    {
        int start = _open.Pop();
        PatchU16(start, (ushort)(_bytes.Count - start));
        return this;
    }

    public byte[] ToArray(uint sequence)
    {
        if (_open.Count > 0) throw new InvalidOperationException("a nested attribute is still open");
        byte[] bytes = [.. _bytes];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)bytes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), sequence);
        return bytes;
    }

    private void Pad()
    {
        while (_bytes.Count % 4 != 0) _bytes.Add(0);
    }

    private void WriteU16(ushort value)
    {
        _bytes.Add((byte)value);
        _bytes.Add((byte)(value >> 8));
    }

    private void WriteU32(uint value)
    {
        WriteU16((ushort)value);
        WriteU16((ushort)(value >> 16));
    }

    private void PatchU16(int at, ushort value)
    {
        _bytes[at] = (byte)value;
        _bytes[at + 1] = (byte)(value >> 8);
    }
}
