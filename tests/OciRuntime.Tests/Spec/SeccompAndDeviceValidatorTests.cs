using OciRuntime.Spec;
using OciRuntime.Spec.Model;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Spec;

public sealed class SeccompAndDeviceValidatorTests
{
    private static RuntimeSpec WithSeccomp(LinuxSeccomp seccomp)
    {
        var spec = Specs.Valid();
        spec.Linux!.Seccomp = seccomp;
        return spec;
    }

    private static RuntimeSpec WithDevice(LinuxDevice device)
    {
        var spec = Specs.Valid();
        spec.Linux!.Devices = [new LinuxDevice { Path = "/dev/fuse", Type = "c", Major = 10, Minor = 229 }, device];
        return spec;
    }

    private static SpecException FirstProblem(RuntimeSpec spec) =>
        Should.Throw<SpecException>(() => SpecValidator.Validate(spec));

    private static LinuxSyscall Syscall(string action, params string[] names) => new() { Names = [.. names], Action = action };

    [Fact]
    public void ValidSeccompProfileIsAccepted()
    {
        var spec = WithSeccomp(new LinuxSeccomp
        {
            DefaultAction = "SCMP_ACT_ERRNO",
            Architectures = ["SCMP_ARCH_X86_64", "SCMP_ARCH_AARCH64"],
            Flags = ["SECCOMP_FILTER_FLAG_LOG"],
            Syscalls =
            [
                Syscall("SCMP_ACT_ALLOW", "read", "write"),
                new LinuxSyscall
                {
                    Names = ["personality"], Action = "SCMP_ACT_ALLOW",
                    Args = [new LinuxSeccompArg { Index = 0, Value = 8, Op = "SCMP_CMP_EQ" }],
                },
            ],
        });
        SpecValidator.FindProblems(spec).ShouldBeEmpty();
    }

    [Fact]
    public void A_listener_path_without_a_notify_rule_is_refused() =>
        FirstProblem(WithSeccomp(new LinuxSeccomp
        {
            DefaultAction = "SCMP_ACT_ALLOW", ListenerPath = "/run/agent.sock", Syscalls = [Syscall("SCMP_ACT_ERRNO", "mkdir")],
        })).Pointer.ShouldBe("/linux/seccomp/listenerPath");

    [Fact]
    public void An_argument_index_beyond_the_sixth_is_refused() =>
        FirstProblem(WithSeccomp(new LinuxSeccomp
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Syscalls = [new LinuxSyscall { Names = ["kill"], Action = "SCMP_ACT_ERRNO", Args = [new LinuxSeccompArg { Index = 6, Op = "SCMP_CMP_EQ" }] }],
        })).Pointer.ShouldBe("/linux/seccomp/syscalls/0/args/0/index");

    [Fact]
    public void An_unknown_syscall_action_is_named_with_its_pointer()
    {
        var e = FirstProblem(WithSeccomp(new LinuxSeccomp
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Syscalls = [Syscall("SCMP_ACT_ERRNO", "mkdir"), Syscall("SCMP_ACT_ALLOW", "read"), Syscall("SCMP_ACT_FOO", "write")],
        }));
        e.Message.ShouldBe("/linux/seccomp/syscalls/2/action: unknown seccomp action \"SCMP_ACT_FOO\"");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("SCMP_ACT_DENY")]
    [InlineData("allow")]
    public void DefaultActionMustBeKnown(string? action) =>
        FirstProblem(WithSeccomp(new LinuxSeccomp { DefaultAction = action }))
            .Pointer.ShouldBe("/linux/seccomp/defaultAction");

    [Fact]
    public void SyscallActionMustBeKnown()
    {
        var spec = WithSeccomp(new LinuxSeccomp
        {
            DefaultAction = "SCMP_ACT_ALLOW",
            Syscalls = [Syscall("SCMP_ACT_ERRNO", "mount"), Syscall("SCMP_ACT_EXPLODE", "chmod")],
        });

        var problem = FirstProblem(spec);

        problem.Pointer.ShouldBe("/linux/seccomp/syscalls/1/action");
        problem.Cause.ShouldBe("unknown seccomp action \"SCMP_ACT_EXPLODE\"");
    }

    [Fact]
    public void SyscallNeedsNames() =>
        FirstProblem(WithSeccomp(new LinuxSeccomp { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [Syscall("SCMP_ACT_ERRNO")] }))
            .Pointer.ShouldBe("/linux/seccomp/syscalls/0/names");

    [Fact]
    public void SyscallArgumentOperatorMustBeKnown()
    {
        var syscall = Syscall("SCMP_ACT_ERRNO", "clone");
        syscall.Args = [new LinuxSeccompArg { Index = 0, Value = 1, Op = "SCMP_CMP_XOR" }];
        FirstProblem(WithSeccomp(new LinuxSeccomp { DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [syscall] }))
            .Pointer.ShouldBe("/linux/seccomp/syscalls/0/args/0/op");
    }

    [Fact]
    public void ArchitectureMustBeKnown() =>
        FirstProblem(WithSeccomp(new LinuxSeccomp { DefaultAction = "SCMP_ACT_ALLOW", Architectures = ["SCMP_ARCH_Z80"] }))
            .Pointer.ShouldBe("/linux/seccomp/architectures/0");

    [Fact]
    public void NotifyNeedsListenerPath() =>
        FirstProblem(WithSeccomp(new LinuxSeccomp
            {
                DefaultAction = "SCMP_ACT_ALLOW", Syscalls = [Syscall("SCMP_ACT_NOTIFY", "mknod")],
            }))
            .Pointer.ShouldBe("/linux/seccomp/listenerPath");

    [Fact]
    public void NotifyIsNotADefaultAction() =>
        FirstProblem(WithSeccomp(new LinuxSeccomp { DefaultAction = "SCMP_ACT_NOTIFY", ListenerPath = "/run/agent.sock" }))
            .Pointer.ShouldBe("/linux/seccomp/defaultAction");

    [Theory]
    [InlineData("c")]
    [InlineData("b")]
    [InlineData("u")]
    public void DevicesWithNumbersAreAccepted(string type) =>
        SpecValidator.FindProblems(WithDevice(new LinuxDevice { Path = "/dev/x", Type = type, Major = 1, Minor = 3 }))
            .ShouldBeEmpty();

    [Fact]
    public void FifoDeviceNeedsNoNumbers() =>
        SpecValidator.FindProblems(WithDevice(new LinuxDevice { Path = "/dev/fifo", Type = "p" })).ShouldBeEmpty();

    [Theory]
    [InlineData(null)]
    [InlineData("x")]
    [InlineData("char")]
    public void DeviceTypeMustBeKnown(string? type) =>
        FirstProblem(WithDevice(new LinuxDevice { Path = "/dev/x", Type = type, Major = 1, Minor = 3 }))
            .Pointer.ShouldBe("/linux/devices/1/type");

    [Fact]
    public void DevicePathMustBeAbsolute() =>
        FirstProblem(WithDevice(new LinuxDevice { Path = "dev/x", Type = "c", Major = 1, Minor = 3 }))
            .Pointer.ShouldBe("/linux/devices/1/path");

    [Fact]
    public void CharacterDeviceNeedsMajorAndMinor() =>
        FirstProblem(WithDevice(new LinuxDevice { Path = "/dev/x", Type = "c", Major = 1 }))
            .Pointer.ShouldBe("/linux/devices/1/minor");
}
