using System.Runtime.InteropServices;

namespace OciRuntime.Linux.Seccomp;

/// <summary>
/// seccomp(SECCOMP_SET_MODE_FILTER, flags, program) on the calling thread (all threads with TSYNC). Without
/// no_new_privs the kernel requires CAP_SYS_ADMIN. Returns the listener descriptor with NEW_LISTENER, else -1.
/// </summary>
public static unsafe class SeccompLoader
{
    private const int SetModeFilter = 1;

    [StructLayout(LayoutKind.Sequential)]
    private struct SockFprog { public ushort Length; public byte* Filter; }

    public static int Load(byte[] program, uint flags)
    {
        if ((flags & SeccompFilterFlags.NewListener) == 0) flags &= ~SeccompFilterFlags.WaitKillableRecv;
        // With a listener, TSYNC must report a thread it can't sync as ESRCH: the return value is the listener.
        if ((flags & SeccompFilterFlags.NewListener) != 0 && (flags & SeccompFilterFlags.Tsync) != 0) flags |= SeccompFilterFlags.TsyncEsrch;
        fixed (byte* filter = program)
        {
            var prog = new SockFprog { Length = (ushort)(program.Length / 8), Filter = filter };
            nint r = Libc.syscall(SyscallNumber, SetModeFilter, (nint)flags, (nint)(&prog), 0, 0);
            if (r < 0) throw new InvalidOperationException($"/linux/seccomp: loading the filter: {Errno.Describe(Errno.Last)}");
            return (flags & SeccompFilterFlags.NewListener) != 0 ? (int)r : -1;
        }
    }

    /// <summary>
    /// Whether this kernel knows a filter flag: asked with no program, it answers EFAULT for a known flag and
    /// EINVAL for an unknown one, and loads nothing either way.
    /// </summary>
    public static bool KernelSupports(uint flag) =>
        Libc.syscall(SyscallNumber, SetModeFilter, (nint)WithCompanions(flag), 0, 0, 0) < 0 && Errno.Last == Errno.EFAULT;

    /// <summary>WAIT_KILLABLE_RECV only means something for a listener, and the kernel refuses it without one.</summary>
    private static uint WithCompanions(uint flags) =>
        (flags & SeccompFilterFlags.WaitKillableRecv) != 0 ? flags | SeccompFilterFlags.NewListener : flags;

    private static nint SyscallNumber => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 317,
        Architecture.Arm64 => 277,
        Architecture.RiscV64 => 277,
        Architecture.LoongArch64 => 277,
        Architecture.S390x => 348,
        Architecture.Ppc64le => 358,
        var other => throw new PlatformNotSupportedException($"seccomp(2) number unknown on {other}"),
    };
}
