namespace OciRuntime.Network;

/// <summary>A network request that cannot be met; the message names the flag or config field at fault.</summary>
public sealed class NetworkSetupException(string message, Exception? inner = null) : Exception(message, inner);
