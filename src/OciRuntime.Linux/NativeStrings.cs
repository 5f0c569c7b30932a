using System.Runtime.InteropServices;
using System.Text;

namespace OciRuntime.Linux;

/// <summary>NUL-terminated UTF-8 strings and argv-style arrays in unmanaged memory, freed together.</summary>
public sealed unsafe class NativeStrings : IDisposable
{
    private readonly List<nint> _allocations = new();

    public byte* Add(string value)
    {
        int len = Encoding.UTF8.GetByteCount(value);
        byte* p = (byte*)NativeMemory.Alloc((nuint)len + 1);
        Encoding.UTF8.GetBytes(value, new Span<byte>(p, len));
        p[len] = 0;
        _allocations.Add((nint)p);
        return p;
    }

    public byte** AddArray(IReadOnlyList<string> values)
    {
        byte** array = (byte**)NativeMemory.Alloc((nuint)(values.Count + 1), (nuint)sizeof(byte*));
        _allocations.Add((nint)array);
        for (int i = 0; i < values.Count; i++) array[i] = Add(values[i]);
        array[values.Count] = null;
        return array;
    }

    public void Dispose()
    {
        foreach (nint p in _allocations) NativeMemory.Free((void*)p);
        _allocations.Clear();
    }
}
