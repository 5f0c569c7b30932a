using OciRuntime.Network;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init.Appliers;

/// <summary>A new network namespace starts with lo down; bring it up so 127.0.0.1 works, as runc does.</summary>
public static class LoopbackApplier
{
    public static void Apply(RuntimeSpec spec)
    {
        var network = spec.Linux?.Namespaces?.FirstOrDefault(n => n.Type == OciRuntime.Spec.NamespaceTypes.Network);
        if (network is null || !string.IsNullOrEmpty(network.Path)) return;
        using var socket = NetlinkSocket.Open();
        Link.SetUp(socket, Link.RequireIndex(socket, "lo"));
    }
}
