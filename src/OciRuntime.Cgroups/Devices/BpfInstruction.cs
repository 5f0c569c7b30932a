namespace OciRuntime.Cgroups;

/// <summary>One eBPF instruction (struct bpf_insn): opcode, destination and source registers, offset, immediate.</summary>
public readonly record struct BpfInstruction(byte Opcode, byte Dst, byte Src, short Offset, int Immediate)
{
    // Opcode parts (include/uapi/linux/bpf_common.h, bpf.h).
    public const byte Alu32 = 0x04, Jmp = 0x05, Jmp32 = 0x06, Ldx = 0x01;
    public const byte Mem = 0x60, SizeWord = 0x00;
    public const byte And = 0x50, Rsh = 0x70, Mov = 0xb0, Jne = 0x50, Exit = 0x90;
    public const byte SourceImmediate = 0x00, SourceRegister = 0x08;

    /// <summary>The 8 bytes the kernel reads: opcode, dst in the low nibble and src in the high one, offset, immediate.</summary>
    public ulong Encode() =>
        Opcode | (ulong)(byte)((Dst & 0xf) | (Src << 4)) << 8 | (ulong)(ushort)Offset << 16 | (ulong)(uint)Immediate << 32;

    public static BpfInstruction LoadWord(byte dst, byte src, short offset) => new(Ldx | Mem | SizeWord, dst, src, offset, 0);

    public static BpfInstruction AndImmediate32(byte dst, int value) => new(Alu32 | And | SourceImmediate, dst, 0, 0, value);

    public static BpfInstruction ShiftRightImmediate32(byte dst, int bits) => new(Alu32 | Rsh | SourceImmediate, dst, 0, 0, bits);

    public static BpfInstruction MoveRegister32(byte dst, byte src) => new(Alu32 | Mov | SourceRegister, dst, src, 0, 0);

    public static BpfInstruction MoveImmediate32(byte dst, int value) => new(Alu32 | Mov | SourceImmediate, dst, 0, 0, value);

    /// <summary>if ((u32)dst != (u32)value) skip <paramref name="skip"/> instructions.</summary>
    public static BpfInstruction JumpIfNotEqual32(byte dst, int value, short skip) => new(Jmp32 | Jne | SourceImmediate, dst, 0, skip, value);

    /// <summary>if ((u32)dst != (u32)src) skip <paramref name="skip"/> instructions.</summary>
    public static BpfInstruction JumpIfNotEqualRegister32(byte dst, byte src, short skip) => new(Jmp32 | Jne | SourceRegister, dst, src, skip, 0);

    public static BpfInstruction Return() => new(Jmp | Exit, 0, 0, 0, 0);
}
