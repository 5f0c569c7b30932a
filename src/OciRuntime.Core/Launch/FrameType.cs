namespace OciRuntime.Core.Launch;

/// <summary>Frame types on the init socket; the first five are shared with the C stage (native/protocol.h).</summary>
public enum FrameType : uint
{
    Bootstrap = 0x30,
    UsermapPlease = 0x40,
    UsermapAck = 0x41,
    Pids = 0x42,
    TimeOffsetsPlease = 0x46,
    TimeOffsetsAck = 0x47,
    Error = 0x4f,
    InitConfig = 0x50,
    Ready = 0x51,
    Run = 0x52,
    /// <summary>init -> parent: mounts are done, run prestart and createRuntime hooks now (before pivot_root).</summary>
    HooksPlease = 0x53,
    HooksDone = 0x54,
    /// <summary>init -> parent: a seccomp listener follows as SCM_RIGHTS; the parent answers SeccompListenerDelivered.</summary>
    SeccompListener = 0x55,
    SeccompListenerDelivered = 0x56,
    /// <summary>init -> parent: build the idmapped mount for /mounts/N (payload: N as uint32); the answer is one
    /// message carrying the detached mount as SCM_RIGHTS.</summary>
    MountFdPlease = 0x57,
}
