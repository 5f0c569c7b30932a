namespace OciRuntime.Core.Seccomp;

/// <summary>
/// A profile compiled to the classic-BPF program seccomp(2) takes, and the flags to load it with. The parent compiles
/// it on the host (libseccomp lives there, not in the container's rootfs); init only loads it.
/// </summary>
public sealed record CompiledSeccomp(byte[] Program, uint Flags, IReadOnlyList<string> UnknownSyscalls);
