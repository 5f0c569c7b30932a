using OciRuntime.Cgroups;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Cgroups.Devices;

public class DeviceFilterProgramTests
{
    private static DeviceRule Rule(bool allow, DeviceKind kind, long major, long minor, string access) =>
        new(allow, kind, major, minor, DeviceRule.ParseAccess(access)!.Value);

    private static IReadOnlyList<BpfInstruction> Generate(params DeviceRule[] rules) => DeviceFilterProgram.Generate(DevicePolicy.Build(rules));

    [Fact]
    public void Deny_all_is_the_context_loads_then_return_zero()
    {
        var program = Generate(Rule(false, DeviceKind.All, -1, -1, "rwm"));
        program.ShouldBe(
        [
            BpfInstruction.LoadWord(2, 1, 0), BpfInstruction.AndImmediate32(2, 0xffff),
            BpfInstruction.LoadWord(3, 1, 0), BpfInstruction.ShiftRightImmediate32(3, 16),
            BpfInstruction.LoadWord(4, 1, 4), BpfInstruction.LoadWord(5, 1, 8),
            BpfInstruction.MoveImmediate32(0, 0), BpfInstruction.Return(),
        ]);
    }

    [Fact]
    public void A_full_access_rule_tests_type_major_minor_and_jumps_past_its_verdict()
    {
        var program = Generate(Rule(true, DeviceKind.Char, 1, 3, "rwm"));
        program.Skip(6).ShouldBe(
        [
            BpfInstruction.JumpIfNotEqual32(2, 2, 4),
            BpfInstruction.JumpIfNotEqual32(4, 1, 3),
            BpfInstruction.JumpIfNotEqual32(5, 3, 2),
            BpfInstruction.MoveImmediate32(0, 1), BpfInstruction.Return(),
            BpfInstruction.MoveImmediate32(0, 0), BpfInstruction.Return(),
        ]);
    }

    [Fact]
    public void A_partial_access_wildcard_rule_masks_the_access_and_skips_wildcard_numbers()
    {
        var program = Generate(Rule(true, DeviceKind.Block, -1, -1, "m"));
        program.Skip(6).ShouldBe(
        [
            BpfInstruction.JumpIfNotEqual32(2, 1, 5),
            BpfInstruction.MoveRegister32(1, 3), BpfInstruction.AndImmediate32(1, 1), BpfInstruction.JumpIfNotEqualRegister32(1, 3, 2),
            BpfInstruction.MoveImmediate32(0, 1), BpfInstruction.Return(),
            BpfInstruction.MoveImmediate32(0, 0), BpfInstruction.Return(),
        ]);
    }

    [Fact]
    public void Allow_all_with_denials_returns_one_by_default()
    {
        var program = Generate(Rule(true, DeviceKind.All, -1, -1, "rwm"), Rule(false, DeviceKind.Char, 10, 229, "rw"));
        program[^1].ShouldBe(BpfInstruction.Return());
        program[^2].ShouldBe(BpfInstruction.MoveImmediate32(0, 1));
        program[^4].ShouldBe(BpfInstruction.MoveImmediate32(0, 0));
    }

    [Fact]
    public void Encodes_registers_offset_and_immediate_as_struct_bpf_insn()
    {
        BpfInstruction.JumpIfNotEqualRegister32(1, 3, 2).Encode().ShouldBe(0x0000_0000_0002_315eUL);
        BpfInstruction.JumpIfNotEqual32(4, -2, -1).Encode().ShouldBe(0xffff_fffe_ffff_0456UL);
        BpfInstruction.LoadWord(5, 1, 8).Encode().ShouldBe(0x0000_0000_0008_1561UL);
    }

    [Fact]
    public void Device_numbers_beyond_32_bits_are_refused()
    {
        Should.Throw<CgroupException>(() => Generate(Rule(true, DeviceKind.Char, 1L << 32, 0, "r")))
            .Pointer.ShouldBe("/linux/resources/devices");
    }

    public static TheoryData<string, DeviceRule[]> RuleLists => new()
    {
        { "runc defaults", [Rule(false, DeviceKind.All, -1, -1, "rwm"), .. DefaultDeviceRules.All.Select(d => d.Rule)] },
        { "no rules", [] },
        { "allow all", [Rule(true, DeviceKind.All, -1, -1, "rwm")] },
        { "allow all minus some", [Rule(true, DeviceKind.All, -1, -1, "rwm"), Rule(false, DeviceKind.Char, 1, 3, "w"), Rule(false, DeviceKind.Block, 8, -1, "rwm"), Rule(true, DeviceKind.Block, 8, -1, "m")] },
        { "allow then take back", [Rule(true, DeviceKind.Char, 1, 3, "rw"), Rule(false, DeviceKind.Char, 1, 3, "w"), Rule(true, DeviceKind.Char, 1, 5, "rwm"), Rule(false, DeviceKind.Char, 1, 5, "rwm")] },
        { "reset midway", [Rule(true, DeviceKind.Char, 1, 3, "rwm"), Rule(false, DeviceKind.All, -1, -1, "rwm"), Rule(true, DeviceKind.Char, 1, 9, "r"), Rule(true, DeviceKind.Block, -1, 0, "rw")] },
        { "wildcards", [Rule(true, DeviceKind.Char, -1, 7, "r"), Rule(true, DeviceKind.Char, 5, -1, "w"), Rule(true, DeviceKind.Char, 136, -1, "rwm")] },
        { "big numbers", [Rule(true, DeviceKind.Char, 4095, 1048575, "rw"), Rule(true, DeviceKind.Block, 0x8000_0000, 0xffff_ffff, "r")] },
    };

    private static readonly uint[] Numbers = [0, 1, 3, 5, 7, 8, 9, 10, 136, 200, 229, 4095, 1048575, 0x8000_0000, 0xffff_ffff];
    private static readonly DeviceAccess[] Requests = [DeviceAccess.Read, DeviceAccess.Write, DeviceAccess.Mknod];

    [Theory]
    [MemberData(nameof(RuleLists))]
    public void The_program_decides_every_device_as_the_rules_say(string name, DeviceRule[] rules)
    {
        var program = DeviceFilterProgram.Generate(DevicePolicy.Build(rules));
        int checkedCases = 0;
        foreach (DeviceKind kind in new[] { DeviceKind.Char, DeviceKind.Block })
        foreach (uint major in Numbers)
        foreach (uint minor in Numbers)
        foreach (DeviceAccess access in Requests)
        {
            bool expected = DeviceRuleReference.Allows(rules, kind, major, minor, access);
            BpfInterpreter.Allows(program, kind, major, minor, access).ShouldBe(expected, $"{name}: {kind} {major}:{minor} {access}");
            checkedCases++;
        }
        checkedCases.ShouldBe(2 * Numbers.Length * Numbers.Length * Requests.Length);
    }

    [Theory]
    [InlineData(1u, 3u, true)]
    [InlineData(1u, 5u, true)]
    [InlineData(10u, 200u, true)]
    [InlineData(136u, 4u, true)]
    [InlineData(10u, 229u, false)] // /dev/fuse
    [InlineData(4u, 1u, false)] // /dev/tty1
    public void The_default_rules_open_the_standard_devices_read_write_and_nothing_else(uint major, uint minor, bool allowed)
    {
        var program = Generate([Rule(false, DeviceKind.All, -1, -1, "rwm"), .. DefaultDeviceRules.All.Select(d => d.Rule)]);
        BpfInterpreter.Allows(program, DeviceKind.Char, major, minor, DeviceAccess.Read | DeviceAccess.Write).ShouldBe(allowed);
        BpfInterpreter.Allows(program, DeviceKind.Char, major, minor, DeviceAccess.Mknod).ShouldBeTrue();
        BpfInterpreter.Allows(program, DeviceKind.Block, 8, 0, DeviceAccess.Read).ShouldBeFalse();
    }
}
