using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using OciRuntime.Linux;

namespace OciRuntime.Network;

/// <summary>What one container holds on a bridge: its address and the host end of its veth pair.</summary>
public sealed record AddressLease(string Address, string HostInterface);

/// <summary>
/// The addresses handed out on one bridge, in a small JSON file under the state root
/// (<c>&lt;root&gt;/network/&lt;bridge&gt;.json</c>), held under flock while a hook reads and changes it, so
/// containers created at the same time never get the same address.
/// </summary>
public sealed class AddressTable : IDisposable
{
    private const int LOCK_EX = 2;
    private readonly SafeFileHandle _file;

    public Dictionary<string, AddressLease> Leases { get; }

    private AddressTable(SafeFileHandle file, Dictionary<string, AddressLease> leases)
    {
        _file = file;
        Leases = leases;
    }

    public static string PathFor(string stateRoot, string bridge) => System.IO.Path.Combine(stateRoot, "network", bridge + ".json");

    /// <summary>Opens (creating it empty) and locks the table; the lock is held until Dispose.</summary>
    public static AddressTable Lock(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        int fd = SysError.Check(Libc.open(path, O.RDWR | O.CREAT | O.CLOEXEC, 0b110_000_000 /* 0600 */), "open", path);
        var file = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            SysError.CheckRetry(() => Libc.flock(fd, LOCK_EX), "flock", path);
            byte[] bytes = new byte[RandomAccess.GetLength(file)];
            RandomAccess.Read(file, bytes, 0);
            return new AddressTable(file, Parse(bytes));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The container holding <paramref name="address"/>, or null when it is free.</summary>
    public string? Holder(string address) => Leases.FirstOrDefault(l => l.Value.Address == address).Key;

    /// <summary>Rewrites the file in place (the lock is on this inode, so it is not replaced by a rename).</summary>
    public void Save()
    {
        byte[] bytes = Serialize(Leases);
        RandomAccess.SetLength(_file, 0);
        RandomAccess.Write(_file, bytes, 0);
    }

    public void Dispose() => _file.Dispose();

    public static Dictionary<string, AddressLease> Parse(byte[] bytes)
    {
        var leases = new Dictionary<string, AddressLease>();
        if (bytes.Length == 0) return leases;
        using var document = JsonDocument.Parse(bytes);
        if (!document.RootElement.TryGetProperty("containers", out var containers)) return leases;
        foreach (var container in containers.EnumerateObject())
            leases[container.Name] = new AddressLease(container.Value.GetProperty("address").GetString()!,
                container.Value.GetProperty("hostInterface").GetString()!);
        return leases;
    }

    public static byte[] Serialize(Dictionary<string, AddressLease> leases)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("containers");
            foreach (var (id, lease) in leases.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(id);
                writer.WriteString("address", lease.Address);
                writer.WriteString("hostInterface", lease.HostInterface);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }
}
