using System.Net;

namespace OciRuntime.Network;

/// <summary>An address on an interface as the kernel reports it, enough to put it back after a move.</summary>
public sealed record InterfaceAddress(byte Family, byte PrefixLength, byte Scope, byte[] Local, byte[]? Peer, byte[]? Broadcast)
{
    public override string ToString() => $"{new IPAddress(Local)}/{PrefixLength}";
}
