using OciRuntime.Spec;
using OciRuntime.Spec.Model;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Spec;

public sealed class ResourceValidatorTests
{
    private static RuntimeSpec With(Action<LinuxResources> change)
    {
        var spec = Specs.Valid();
        change(spec.Linux!.Resources!);
        return spec;
    }

    private static SpecException FirstProblem(RuntimeSpec spec) =>
        Should.Throw<SpecException>(() => SpecValidator.Validate(spec));

    private static void ShouldPass(RuntimeSpec spec) => SpecValidator.FindProblems(spec).ShouldBeEmpty();

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void MemoryLimitMustBePositiveOrUnlimited(long limit)
    {
        var problem = FirstProblem(With(r => r.Memory = new LinuxMemory { Limit = limit }));

        problem.Pointer.ShouldBe("/linux/resources/memory/limit");
        problem.Cause.ShouldBe($"must be a positive number of bytes or -1 (unlimited), got {limit}");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(536870912)]
    public void MemoryLimitPositiveOrUnlimitedIsAccepted(long limit) =>
        ShouldPass(With(r => r.Memory = new LinuxMemory { Limit = limit }));

    [Fact]
    public void SwapBelowLimitIsRejected() =>
        FirstProblem(With(r => r.Memory = new LinuxMemory { Limit = 2048, Swap = 1024 }))
            .Pointer.ShouldBe("/linux/resources/memory/swap");

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(2048)]
    [InlineData(4096)]
    public void SwapUnlimitedUnsetOrAtLeastLimitIsAccepted(long swap) =>
        ShouldPass(With(r => r.Memory = new LinuxMemory { Limit = 2048, Swap = swap }));

    [Fact]
    public void SwapWithUnlimitedMemoryIsAccepted() =>
        ShouldPass(With(r => r.Memory = new LinuxMemory { Limit = -1, Swap = 1024 }));

    [Fact]
    public void SwapBelowMinusOneIsRejected() =>
        FirstProblem(With(r => r.Memory = new LinuxMemory { Swap = -2 }))
            .Pointer.ShouldBe("/linux/resources/memory/swap");

    [Fact]
    public void SwappinessAbove100IsRejected() =>
        FirstProblem(With(r => r.Memory = new LinuxMemory { Swappiness = 101 }))
            .Pointer.ShouldBe("/linux/resources/memory/swappiness");

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(100)]
    public void PidsLimitUnlimitedUnsetOrPositiveIsAccepted(long limit) =>
        ShouldPass(With(r => r.Pids = new LinuxPids { Limit = limit }));

    [Fact]
    public void PidsLimitBelowMinusOneIsRejected() =>
        FirstProblem(With(r => r.Pids = new LinuxPids { Limit = -2 }))
            .Pointer.ShouldBe("/linux/resources/pids/limit");

    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    public void CpuQuotaMustBePositiveOrUnlimited(long quota) =>
        FirstProblem(With(r => r.Cpu = new LinuxCpu { Quota = quota }))
            .Pointer.ShouldBe("/linux/resources/cpu/quota");

    [Fact]
    public void CpuQuotaAndPeriodAreAccepted() =>
        ShouldPass(With(r => r.Cpu = new LinuxCpu { Quota = 50000, Period = 100000 }));

    [Fact]
    public void CpuPeriodMustNotBeZero() =>
        FirstProblem(With(r => r.Cpu = new LinuxCpu { Period = 0 }))
            .Pointer.ShouldBe("/linux/resources/cpu/period");

    [Fact]
    public void DeviceRuleTypeMustBeABOrC() =>
        FirstProblem(With(r => r.Devices!.Add(new LinuxDeviceCgroup { Allow = true, Type = "u", Access = "r" })))
            .Pointer.ShouldBe("/linux/resources/devices/1/type");

    [Fact]
    public void DeviceRuleAccessMustBeRwm() =>
        FirstProblem(With(r => r.Devices![0].Access = "rwx"))
            .Pointer.ShouldBe("/linux/resources/devices/0/access");
}
