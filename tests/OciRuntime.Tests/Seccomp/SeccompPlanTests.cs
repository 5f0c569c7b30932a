using OciRuntime.Core.Launch;
using OciRuntime.Core.Seccomp;
using OciRuntime.Linux.Seccomp;
using OciRuntime.Spec.Model;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Seccomp;

public sealed class SeccompPlanTests
{
    private static LinuxSyscall Call(string action, string[] names, uint? errnoRet = null, params LinuxSeccompArg[] args) =>
        new() { Names = [.. names], Action = action, ErrnoRet = errnoRet, Args = args.Length > 0 ? [.. args] : null };

    private static LinuxSeccompArg Arg(uint index, ulong value, string op, ulong? valueTwo = null) =>
        new() { Index = index, Value = value, Op = op, ValueTwo = valueTwo };

    private static SeccompPlan Plan(string defaultAction, params LinuxSyscall[] syscalls) =>
        SeccompPlan.From(new LinuxSeccomp { DefaultAction = defaultAction, Syscalls = [.. syscalls] });

    [Theory]
    [InlineData("SCMP_ACT_KILL", null, 0x00000000u)]
    [InlineData("SCMP_ACT_KILL_THREAD", null, 0x00000000u)]
    [InlineData("SCMP_ACT_KILL_PROCESS", null, 0x80000000u)]
    [InlineData("SCMP_ACT_TRAP", null, 0x00030000u)]
    [InlineData("SCMP_ACT_ERRNO", null, 0x00050001u)]
    [InlineData("SCMP_ACT_ERRNO", 38u, 0x00050026u)]
    [InlineData("SCMP_ACT_TRACE", null, 0x7ff00001u)]
    [InlineData("SCMP_ACT_TRACE", 7u, 0x7ff00007u)]
    [InlineData("SCMP_ACT_ALLOW", null, 0x7fff0000u)]
    [InlineData("SCMP_ACT_LOG", null, 0x7ffc0000u)]
    [InlineData("SCMP_ACT_NOTIFY", null, 0x7fc00000u)]
    public void Actions_become_the_kernels_return_values(string action, uint? errnoRet, uint expected) =>
        SeccompActionCodes.From(action, errnoRet).ShouldBe(expected);

    [Fact]
    public void The_default_errno_is_defaultErrnoRet_and_rules_default_to_EPERM()
    {
        var plan = SeccompPlan.From(new LinuxSeccomp
        {
            DefaultAction = "SCMP_ACT_ERRNO", DefaultErrnoRet = 38,
            Syscalls = [Call("SCMP_ACT_ERRNO", ["mkdir"])],
        });
        plan.DefaultAction.ShouldBe(0x00050026u);
        plan.Rules.Single().Action.ShouldBe(0x00050001u);
    }

    [Fact]
    public void Every_name_gets_a_rule_and_rules_with_the_default_action_are_dropped()
    {
        var plan = Plan("SCMP_ACT_ERRNO", Call("SCMP_ACT_ALLOW", ["read", "write"]), Call("SCMP_ACT_ERRNO", ["mkdir"]));
        plan.Rules.Select(r => r.Syscall).ShouldBe(["read", "write"]);
        plan.Rules.Select(r => r.Pointer).Distinct().ShouldBe(["/linux/seccomp/syscalls/0"]);
        plan.SyscallNames.ShouldBe(["read", "write", "mkdir"]);
    }

    [Fact]
    public void Conditions_on_distinct_arguments_form_one_rule()
    {
        var plan = Plan("SCMP_ACT_ALLOW", Call("SCMP_ACT_ERRNO", ["kill"], null, Arg(0, 0, "SCMP_CMP_GT"), Arg(1, 10, "SCMP_CMP_EQ")));
        var rule = plan.Rules.Single();
        rule.Conditions.ShouldBe([new SeccompCondition(0, 6, 0, 0), new SeccompCondition(1, 4, 10, 0)]);
    }

    [Fact]
    public void Conditions_sharing_an_argument_become_one_rule_each()
    {
        var plan = Plan("SCMP_ACT_ALLOW", Call("SCMP_ACT_ERRNO", ["kill", "tkill"], null, Arg(1, 10, "SCMP_CMP_EQ"), Arg(1, 12, "SCMP_CMP_EQ")));
        plan.Rules.Count.ShouldBe(4);
        plan.Rules.ShouldAllBe(r => r.Conditions.Count == 1);
        plan.Rules.Where(r => r.Syscall == "kill").Select(r => r.Conditions[0].DatumA).ShouldBe([10ul, 12ul]);
    }

    [Theory]
    [InlineData("SCMP_CMP_NE", 1)]
    [InlineData("SCMP_CMP_LT", 2)]
    [InlineData("SCMP_CMP_LE", 3)]
    [InlineData("SCMP_CMP_EQ", 4)]
    [InlineData("SCMP_CMP_GE", 5)]
    [InlineData("SCMP_CMP_GT", 6)]
    [InlineData("SCMP_CMP_MASKED_EQ", 7)]
    public void Operators_are_libseccomps(string op, int expected) => SeccompPlan.Operator(op).ShouldBe(expected);

    [Fact]
    public void Masked_equality_takes_the_mask_from_value_and_the_datum_from_valueTwo()
    {
        var plan = Plan("SCMP_ACT_ALLOW", Call("SCMP_ACT_ERRNO", ["clone"], null, Arg(0, 0x7e020000, "SCMP_CMP_MASKED_EQ", 0x20000)));
        plan.Rules.Single().Conditions.Single().ShouldBe(new SeccompCondition(0, 7, 0x7e020000, 0x20000));
    }

    [Fact]
    public void Architectures_and_flags_are_translated()
    {
        var plan = SeccompPlan.From(new LinuxSeccomp
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Architectures = ["SCMP_ARCH_X86_64", "SCMP_ARCH_MIPSEL64N32"],
            Flags = ["SECCOMP_FILTER_FLAG_TSYNC", "SECCOMP_FILTER_FLAG_LOG", "SECCOMP_FILTER_FLAG_SPEC_ALLOW", "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV"],
        });
        plan.Architectures.ShouldBe([new SeccompArchitecture("x86_64", "/linux/seccomp/architectures/0"),
            new SeccompArchitecture("mipsel64n32", "/linux/seccomp/architectures/1")]);
        plan.Flags.ShouldBe(1u | 2u | 4u | 32u);
        plan.NeedsListener.ShouldBeFalse();
    }

    [Fact]
    public void A_notify_rule_needs_a_listener() =>
        Plan("SCMP_ACT_ALLOW", Call("SCMP_ACT_NOTIFY", ["mkdir"])).NeedsListener.ShouldBeTrue();

    [Fact]
    public void The_compiled_program_travels_to_init_in_its_configuration()
    {
        var config = new InitConfig { Seccomp = new CompiledSeccomp([1, 2, 3, 4, 5, 6, 7, 8], 9, []) };
        var back = InitConfig.FromJson(config.ToJson());
        back.Seccomp!.Program.ShouldBe(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
        back.Seccomp.Flags.ShouldBe(9u);
        InitConfig.FromJson(new InitConfig().ToJson()).Seccomp.ShouldBeNull();
    }
}
