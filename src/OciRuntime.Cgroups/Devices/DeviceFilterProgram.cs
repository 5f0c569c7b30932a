namespace OciRuntime.Cgroups;

/// <summary>
/// Writes a BPF_PROG_TYPE_CGROUP_DEVICE program that enforces a <see cref="DevicePolicy"/> on cgroup v2. The
/// kernel runs it on every device open and mknod with a struct bpf_cgroup_dev_ctx { u32 access_type (type in
/// the low 16 bits, BPF_DEVCG_ACC_* access in the high 16); u32 major; u32 minor } in R1; it returns 1 to allow.
/// The program tests each exception in turn and returns the exception's verdict on the first match, else the
/// default. Exceptions all carry the same verdict, so their order does not matter.
/// </summary>
public static class DeviceFilterProgram
{
    private const byte R0 = 0, R1 = 1, Type = 2, Access = 3, Major = 4, Minor = 5;
    private const int BpfDevcgDevBlock = 1, BpfDevcgDevChar = 2;

    /// <exception cref="CgroupException">An exception's major or minor doesn't fit the kernel's 32 bits.</exception>
    public static IReadOnlyList<BpfInstruction> Generate(DevicePolicy policy)
    {
        var program = new List<BpfInstruction>
        {
            BpfInstruction.LoadWord(Type, R1, 0),
            BpfInstruction.AndImmediate32(Type, 0xffff),
            BpfInstruction.LoadWord(Access, R1, 0),
            BpfInstruction.ShiftRightImmediate32(Access, 16),
            BpfInstruction.LoadWord(Major, R1, 4),
            BpfInstruction.LoadWord(Minor, R1, 8),
        };
        foreach (DeviceRule exception in policy.Exceptions) program.AddRange(Block(exception));
        program.Add(BpfInstruction.MoveImmediate32(R0, policy.DefaultAllow ? 1 : 0));
        program.Add(BpfInstruction.Return());
        return program;
    }

    /// <summary>The tests of one exception; each failed test jumps past the block's verdict to the next block.</summary>
    private static List<BpfInstruction> Block(DeviceRule exception)
    {
        bool anyAccess = exception.Access == DeviceAccess.All;
        bool anyMajor = exception.Major == DeviceRule.Any, anyMinor = exception.Minor == DeviceRule.Any;
        int tests = 1 + (anyAccess ? 0 : 3) + (anyMajor ? 0 : 1) + (anyMinor ? 0 : 1);
        int blockLength = tests + 2;
        var block = new List<BpfInstruction>(blockLength);
        // A jump at index i of the block skips to the first instruction after it: blockLength - i - 1 further on.
        short Skip() => (short)(blockLength - block.Count - 1);

        block.Add(BpfInstruction.JumpIfNotEqual32(Type, exception.Kind == DeviceKind.Block ? BpfDevcgDevBlock : BpfDevcgDevChar, Skip()));
        if (!anyAccess)
        {
            // Matches when every requested access bit is one the exception names.
            block.Add(BpfInstruction.MoveRegister32(R1, Access));
            block.Add(BpfInstruction.AndImmediate32(R1, (int)exception.Access));
            block.Add(BpfInstruction.JumpIfNotEqualRegister32(R1, Access, Skip()));
        }
        if (!anyMajor) block.Add(BpfInstruction.JumpIfNotEqual32(Major, DeviceNumber(exception, exception.Major), Skip()));
        if (!anyMinor) block.Add(BpfInstruction.JumpIfNotEqual32(Minor, DeviceNumber(exception, exception.Minor), Skip()));
        block.Add(BpfInstruction.MoveImmediate32(R0, exception.Allow ? 1 : 0));
        block.Add(BpfInstruction.Return());
        return block;
    }

    private static int DeviceNumber(DeviceRule exception, long number) =>
        number is >= 0 and <= uint.MaxValue
            ? unchecked((int)(uint)number)
            : throw new CgroupException(ResourcePointers.Devices, $"device number {number} in \"{exception.CgroupString}\" is out of range");
}
