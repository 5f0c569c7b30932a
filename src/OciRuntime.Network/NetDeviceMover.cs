using OciRuntime.Linux;

namespace OciRuntime.Network;

/// <summary>A host interface handed to a container: its name on the host and its name inside.</summary>
public sealed record MovedDevice(string HostName, string ContainerName);

/// <summary>
/// /linux/netDevices: moves host interfaces into the container's network namespace and back. A move drops an
/// interface's addresses and takes it down, so its addresses are read before the move and added again after.
/// </summary>
public static class NetDeviceMover
{
    private const int EEXIST = 17;

    /// <summary>Moves each device in; on failure the ones already moved are moved back before throwing.</summary>
    public static List<MovedDevice> MoveIn(IEnumerable<MovedDevice> devices, int containerNetnsFd)
    {
        var moved = new List<MovedDevice>();
        using var host = NetlinkSocket.Open();
        using var inside = NetlinkSocket.OpenIn(containerNetnsFd);
        try
        {
            foreach (var device in devices)
            {
                string pointer = $"/linux/netDevices/{device.HostName}";
                int index = Link.IndexOf(host, device.HostName);
                if (index == 0) throw new NetworkSetupException($"{pointer}: no network device {device.HostName} on the host");
                if (Link.IndexOf(inside, device.ContainerName) != 0)
                    throw new NetworkSetupException($"{pointer}: the container already has a network device named {device.ContainerName}");
                Transfer(host, inside, index, containerNetnsFd, device.ContainerName, pointer);
                moved.Add(device);
            }
            return moved;
        }
        catch
        {
            TryMoveBack(moved, inside, host);
            throw;
        }
    }

    /// <summary>Moves the devices back to the calling thread's namespace under their host names. Best effort: returns what failed.</summary>
    public static List<string> MoveOut(IEnumerable<MovedDevice> devices, int containerNetnsFd)
    {
        using var host = NetlinkSocket.Open();
        using var inside = NetlinkSocket.OpenIn(containerNetnsFd);
        return TryMoveBack(devices, inside, host);
    }

    private static List<string> TryMoveBack(IEnumerable<MovedDevice> devices, NetlinkSocket inside, NetlinkSocket host)
    {
        var failures = new List<string>();
        int hostNetns = SysError.Check(Libc.open("/proc/thread-self/ns/net", O.RDONLY | O.CLOEXEC, 0), "open", "/proc/thread-self/ns/net");
        try
        {
            foreach (var device in devices)
            {
                try
                {
                    int index = Link.IndexOf(inside, device.ContainerName);
                    if (index != 0) Transfer(inside, host, index, hostNetns, device.HostName, $"/linux/netDevices/{device.HostName}");
                }
                catch (Exception e) when (e is SysError or NetworkSetupException)
                {
                    failures.Add(e.Message);
                }
            }
        }
        finally
        {
            Libc.close(hostNetns);
        }
        return failures;
    }

    /// <summary>Moves interface <paramref name="index"/> from one namespace to the other, renamed, with its addresses, and up.</summary>
    private static void Transfer(NetlinkSocket from, NetlinkSocket to, int index, int toNetnsFd, string newName, string pointer)
    {
        try
        {
            var addresses = Address.List(from, index);
            Link.MoveToNamespace(from, index, toNetnsFd, newName);
            int moved = Link.RequireIndex(to, newName);
            foreach (var address in addresses) Address.Add(to, moved, address);
            Link.SetUp(to, moved);
        }
        catch (SysError e) when (e.Errno == EEXIST)
        {
            throw new NetworkSetupException($"{pointer}: a network device named {newName} already exists there", e);
        }
        catch (SysError e)
        {
            throw new NetworkSetupException($"{pointer}: {e.Message}", e);
        }
    }
}
