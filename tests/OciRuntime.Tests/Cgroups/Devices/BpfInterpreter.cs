using OciRuntime.Cgroups;

namespace OciRuntime.Tests.Cgroups.Devices;

/// <summary>
/// Runs a device filter program the way the kernel would, for the handful of opcodes the generator emits:
/// 64-bit registers, 32-bit ALU results zero-extended, 32-bit compares on JMP32. Unknown opcodes throw.
/// </summary>
internal static class BpfInterpreter
{
    private const int BlockType = 1, CharType = 2;

    public static bool Allows(IReadOnlyList<BpfInstruction> program, DeviceKind kind, uint major, uint minor, DeviceAccess access)
    {
        uint accessType = (uint)(kind == DeviceKind.Block ? BlockType : CharType) | (uint)access << 16;
        byte[] context = new byte[12];
        BitConverter.TryWriteBytes(context.AsSpan(0), accessType);
        BitConverter.TryWriteBytes(context.AsSpan(4), major);
        BitConverter.TryWriteBytes(context.AsSpan(8), minor);
        return Run(program, context) == 1;
    }

    public static ulong Run(IReadOnlyList<BpfInstruction> program, byte[] context)
    {
        var r = new ulong[11];
        const ulong contextAddress = 0x1000;
        r[1] = contextAddress;
        for (int pc = 0, steps = 0; ; pc++, steps++)
        {
            if (pc < 0 || pc >= program.Count) throw new InvalidOperationException($"pc {pc} out of the program");
            if (steps > 10_000) throw new InvalidOperationException("runaway program");
            BpfInstruction i = program[pc];
            uint imm = unchecked((uint)i.Immediate);
            switch (i.Opcode)
            {
                case 0x61: // ldx w
                    ulong address = r[i.Src] + (ulong)(long)i.Offset - contextAddress;
                    if (r[i.Src] != contextAddress || address > 8) throw new InvalidOperationException($"bad load at {pc}");
                    r[i.Dst] = BitConverter.ToUInt32(context, (int)address);
                    break;
                case 0x54: r[i.Dst] = (uint)r[i.Dst] & imm; break;
                case 0x74: r[i.Dst] = (uint)r[i.Dst] >> i.Immediate; break;
                case 0xbc: r[i.Dst] = (uint)r[i.Src]; break;
                case 0xb4: r[i.Dst] = imm; break;
                case 0x56: if ((uint)r[i.Dst] != imm) pc += i.Offset; break;
                case 0x5e: if ((uint)r[i.Dst] != (uint)r[i.Src]) pc += i.Offset; break;
                case 0x95: return r[0];
                default: throw new InvalidOperationException($"opcode 0x{i.Opcode:x2} at {pc} is not modelled");
            }
        }
    }
}
