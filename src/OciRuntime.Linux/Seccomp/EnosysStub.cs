using System.Buffers.Binary;

namespace OciRuntime.Linux.Seccomp;

/// <summary>
/// A few BPF instructions put in front of a compiled filter so that a syscall newer than every syscall the profile
/// names returns ENOSYS instead of the default action (runc's patchbpf idea). A profile written before a syscall
/// existed can't have an opinion on it, and ENOSYS makes programs (glibc's clone3, faccessat2...) fall back to the
/// older call, where the default EPERM would look like a real refusal. Only the native architecture is patched.
/// </summary>
public static class EnosysStub
{
    private const ushort LdAbsW = 0x20, JeqK = 0x15, JgeK = 0x35, JgtK = 0x25, RetK = 0x06;
    private const uint NrOffset = 0, ArchOffset = 4;
    // x32 syscalls arrive with the x86_64 arch and this bit set in nr; leave them to the filter's own checks.
    private const uint X32SyscallBit = 0x40000000;
    private const int MaxInstructions = 4096;
    private const int InstructionSize = 8;

    /// <summary>The program with the stub in front; unchanged if the stub would not fit the kernel's limit.</summary>
    public static byte[] Prepend(byte[] program, uint architecture, uint highestKnownSyscall)
    {
        var stub = new (ushort Code, byte Jt, byte Jf, uint K)[]
        {
            (LdAbsW, 0, 0, ArchOffset),
            (JeqK, 0, 4, architecture),          // another architecture: straight to the filter
            (LdAbsW, 0, 0, NrOffset),
            (JgeK, 2, 0, X32SyscallBit),
            (JgtK, 0, 1, highestKnownSyscall),
            (RetK, 0, 0, SeccompActionCodes.Errno | (uint)Errno.ENOSYS),
        };
        if (program.Length / InstructionSize + stub.Length > MaxInstructions) return program;
        var patched = new byte[stub.Length * InstructionSize + program.Length];
        for (int i = 0; i < stub.Length; i++)
        {
            var at = patched.AsSpan(i * InstructionSize);
            BinaryPrimitives.WriteUInt16LittleEndian(at, stub[i].Code);
            at[2] = stub[i].Jt;
            at[3] = stub[i].Jf;
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], stub[i].K);
        }
        program.CopyTo(patched, stub.Length * InstructionSize);
        return patched;
    }
}
