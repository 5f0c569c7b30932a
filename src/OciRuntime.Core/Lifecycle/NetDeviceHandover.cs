using OciRuntime.Linux;
using OciRuntime.Network;
using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// /linux/netDevices across the container's life: moved into its network namespace once init exists (before the
/// createRuntime hooks, as runc does), and moved back out at delete while the namespace can still be reached,
/// under the host names they had, so that create and delete can repeat. A namespace that dies first takes
/// virtual devices with it; the kernel hands physical ones back to the host.
/// </summary>
public static class NetDeviceHandover
{
    public static List<MovedDevice> Devices(LinuxSpec? linux) =>
        [.. (linux?.NetDevices ?? []).Select(d => new MovedDevice(d.Key, string.IsNullOrEmpty(d.Value?.Name) ? d.Key : d.Value.Name))];

    public static void MoveIn(LinuxSpec? linux, int initPid)
    {
        var devices = Devices(linux);
        if (devices.Count == 0) return;
        WithNamespace($"/proc/{initPid}/ns/net", netns =>
        {
            try { NetDeviceMover.MoveIn(devices, netns); }
            catch (NetworkSetupException e) { throw new RuntimeError(e.Message, ExitCodes.Failure, e); }
        });
    }

    /// <summary>Best effort: problems are passed to <paramref name="warn"/>, never thrown.</summary>
    public static void MoveOut(LinuxSpec? linux, string netnsPath, Action<string> warn)
    {
        var devices = Devices(linux);
        if (devices.Count == 0) return;
        try
        {
            WithNamespace(netnsPath, netns =>
            {
                foreach (string failure in NetDeviceMover.MoveOut(devices, netns)) warn($"network device not moved back: {failure}");
            });
        }
        catch (SysError e)
        {
            warn($"network devices not moved back: {e.Message}");
        }
    }

    /// <summary>Where the container's network namespace can still be opened at delete, or null.</summary>
    public static string? NamespacePath(LinuxSpec? linux, int alivePid)
    {
        if (alivePid > 0) return $"/proc/{alivePid}/ns/net";
        string? path = linux?.Namespaces?.FirstOrDefault(n => n.Type == OciRuntime.Spec.NamespaceTypes.Network)?.Path;
        return string.IsNullOrEmpty(path) ? null : path;
    }

    private static void WithNamespace(string path, Action<int> action)
    {
        int fd = SysError.Check(Libc.open(path, O.RDONLY | O.CLOEXEC, 0), "open", path);
        try { action(fd); }
        finally { Libc.close(fd); }
    }
}
