using System.Buffers.Binary;
using System.Text;

namespace OciRuntime.Core.Launch;

/// <summary>
/// What the C stage needs before the .NET runtime starts: namespaces to create, namespaces to join (by path),
/// oom_score_adj, and whether the parent will write a new time namespace's offsets. Encoded as 4-byte-aligned TLV attributes (uint16 length incl. header, uint16 type).
/// </summary>
public sealed record BootstrapMessage(uint CloneFlags, IReadOnlyList<(uint Type, string Path)> JoinPaths, int? OomScoreAdj,
    bool TimeOffsets = false)
{
    private const ushort AttrCloneFlags = 1, AttrNsPath = 2, AttrOomScoreAdj = 3, AttrTimeOffsets = 4;

    public byte[] Encode()
    {
        using var buffer = new MemoryStream();
        Span<byte> u32 = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(u32, CloneFlags);
        WriteAttr(buffer, AttrCloneFlags, u32);
        foreach (var (type, path) in JoinPaths)
        {
            byte[] pathBytes = Encoding.UTF8.GetBytes(path);
            var value = new byte[4 + pathBytes.Length + 1];
            BinaryPrimitives.WriteUInt32LittleEndian(value, type);
            pathBytes.CopyTo(value, 4);
            WriteAttr(buffer, AttrNsPath, value);
        }
        if (OomScoreAdj is int adj)
        {
            BinaryPrimitives.WriteInt32LittleEndian(u32, adj);
            WriteAttr(buffer, AttrOomScoreAdj, u32);
        }
        if (TimeOffsets)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(u32, 1);
            WriteAttr(buffer, AttrTimeOffsets, u32);
        }
        return buffer.ToArray();
    }

    private static void WriteAttr(Stream output, ushort type, ReadOnlySpan<byte> value)
    {
        int length = 4 + value.Length;
        if (length > ushort.MaxValue) throw new ArgumentException($"bootstrap attribute {type} is too long");
        Span<byte> header = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], type);
        output.Write(header);
        output.Write(value);
        int padding = (4 - length % 4) % 4;
        for (int i = 0; i < padding; i++) output.WriteByte(0);
    }
}
