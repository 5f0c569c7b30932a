using System.Buffers.Binary;
using System.Text;

namespace OciRuntime.Network;

/// <summary>One message the kernel sent back: its type, the family header and the attributes after it.</summary>
public readonly record struct NetlinkReply(ushort Type, uint Sequence, byte[] Body)
{
    /// <summary>The NLMSG_ERROR code: 0 is the ACK, otherwise a negative errno.</summary>
    public int Error => BinaryPrimitives.ReadInt32LittleEndian(Body);

    /// <summary>Splits a datagram into messages (several arrive together in a dump).</summary>
    public static List<NetlinkReply> Parse(ReadOnlySpan<byte> datagram)
    {
        var replies = new List<NetlinkReply>();
        while (datagram.Length >= Rtnl.HeaderSize)
        {
            int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(datagram);
            if (length < Rtnl.HeaderSize || length > datagram.Length) throw new InvalidDataException($"netlink message length {length} out of range");
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(datagram[4..]);
            uint sequence = BinaryPrimitives.ReadUInt32LittleEndian(datagram[8..]);
            replies.Add(new NetlinkReply(type, sequence, datagram[Rtnl.HeaderSize..length].ToArray()));
            datagram = datagram[Math.Min(Align(length), datagram.Length)..];
        }
        return replies;
    }

    /// <summary>The attributes after a family header of <paramref name="headerSize"/> bytes, by type (first wins).</summary>
    public Dictionary<ushort, byte[]> Attributes(int headerSize) => ParseAttributes(Body.AsSpan(headerSize));

    public static Dictionary<ushort, byte[]> ParseAttributes(ReadOnlySpan<byte> bytes)
    {
        var attributes = new Dictionary<ushort, byte[]>();
        while (bytes.Length >= 4)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
            if (length < 4 || length > bytes.Length) break;
            ushort type = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]) & 0x3fff);
            attributes.TryAdd(type, bytes[4..length].ToArray());
            bytes = bytes[Math.Min(Align(length), bytes.Length)..];
        }
        return attributes;
    }

    public static string Text(byte[] value) => Encoding.UTF8.GetString(value).TrimEnd('\0');

    private static int Align(int length) => (length + 3) & ~3;
}
