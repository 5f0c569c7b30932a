using OciRuntime.Spec;
using OciRuntime.Spec.Model;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Spec;

public sealed class SpecValidatorTests
{
    private static SpecException FirstProblem(RuntimeSpec spec) =>
        Should.Throw<SpecException>(() => SpecValidator.Validate(spec));

    private static void ShouldFailAt(RuntimeSpec spec, string pointer) => FirstProblem(spec).Pointer.ShouldBe(pointer);

    [Fact]
    public void DefaultSpecHasNoProblems() => SpecValidator.FindProblems(Specs.Valid()).ShouldBeEmpty();

    [Fact]
    public void SpecWithNewUserNamespaceAndMappingsHasNoProblems() =>
        SpecValidator.FindProblems(Specs.WithUserNamespace()).ShouldBeEmpty();

    [Fact]
    public void FindProblemsReturnsEveryProblemAndValidateThrowsTheFirst()
    {
        var spec = Specs.Valid();
        spec.OciVersion = "2.0.0";
        spec.Process!.Cwd = "relative";

        SpecValidator.FindProblems(spec).Select(p => p.Pointer).ShouldBe(["/ociVersion", "/process/cwd"]);
        FirstProblem(spec).Pointer.ShouldBe("/ociVersion");
    }

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("1.0.2-dev")]
    [InlineData("1.2.0+dev")]
    [InlineData("1.3.0")]
    [InlineData("1.3.12")]
    public void SupportedVersionsAreAccepted(string version)
    {
        var spec = Specs.Valid();
        spec.OciVersion = version;
        SpecValidator.FindProblems(spec).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2.0.0")]
    [InlineData("0.5.0-dev")]
    [InlineData("1.4.0")]
    [InlineData("1.0")]
    [InlineData("v1.0.0")]
    public void UnsupportedVersionsAreRejected(string version)
    {
        var spec = Specs.Valid();
        spec.OciVersion = version;

        var problem = FirstProblem(spec);

        problem.Pointer.ShouldBe("/ociVersion");
        problem.Message.ShouldBe($"/ociVersion: unsupported ociVersion \"{version}\" (supported: 1.0.0 to 1.3.x)");
    }

    [Fact]
    public void MissingVersionIsRejected()
    {
        var spec = Specs.Valid();
        spec.OciVersion = null;
        ShouldFailAt(spec, "/ociVersion");
    }

    [Fact]
    public void RootIsRequired()
    {
        var spec = Specs.Valid();
        spec.Root = null;
        ShouldFailAt(spec, "/root");
    }

    [Fact]
    public void RootPathMustNotBeEmpty()
    {
        var spec = Specs.Valid();
        spec.Root!.Path = "";
        ShouldFailAt(spec, "/root/path");
    }

    [Fact]
    public void ProcessIsRequiredUnlessToldOtherwise()
    {
        var spec = Specs.Valid();
        spec.Process = null;

        ShouldFailAt(spec, "/process");
        SpecValidator.FindProblems(spec, requireProcess: false).ShouldBeEmpty();
    }

    [Fact]
    public void ArgsMustNotBeEmpty()
    {
        var spec = Specs.Valid();
        spec.Process!.Args = [];

        var problem = FirstProblem(spec);

        problem.Pointer.ShouldBe("/process/args");
        problem.Message.ShouldBe("/process/args: must contain at least one element");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("home/user")]
    public void CwdMustBeAbsolute(string? cwd)
    {
        var spec = Specs.Valid();
        spec.Process!.Cwd = cwd;
        ShouldFailAt(spec, "/process/cwd");
    }

    [Theory]
    [InlineData("NOEQUALS")]
    [InlineData("=value")]
    public void EnvEntriesNeedANameAndEquals(string entry)
    {
        var spec = Specs.Valid();
        spec.Process!.Env!.Add(entry);
        ShouldFailAt(spec, "/process/env/2");
    }

    [Fact]
    public void EnvEntryWithEmptyValueIsFine()
    {
        var spec = Specs.Valid();
        spec.Process!.Env!.Add("EMPTY=");
        SpecValidator.FindProblems(spec).ShouldBeEmpty();
    }

    [Fact]
    public void RlimitTypeMustBeKnown()
    {
        var spec = Specs.Valid();
        spec.Process!.Rlimits!.Add(new PosixRlimit { Type = "RLIMIT_BOGUS", Hard = 1, Soft = 1 });
        ShouldFailAt(spec, "/process/rlimits/1/type");
    }

    [Fact]
    public void RlimitTypeMustNotRepeat()
    {
        var spec = Specs.Valid();
        spec.Process!.Rlimits!.Add(new PosixRlimit { Type = "RLIMIT_NOFILE", Hard = 1, Soft = 1 });
        FirstProblem(spec).Message.ShouldBe("/process/rlimits/1/type: duplicate rlimit type \"RLIMIT_NOFILE\"");
    }

    [Fact]
    public void RlimitSoftMustNotExceedHard()
    {
        var spec = Specs.Valid();
        spec.Process!.Rlimits![0].Soft = 2048;
        ShouldFailAt(spec, "/process/rlimits/0/soft");
    }

    [Theory]
    [InlineData("bounding")]
    [InlineData("effective")]
    [InlineData("inheritable")]
    [InlineData("permitted")]
    [InlineData("ambient")]
    public void CapabilityNamesMustBeKnownInEverySet(string set)
    {
        var spec = Specs.Valid();
        var capabilities = spec.Process!.Capabilities!;
        List<string> names = ["CAP_KILL", "CAP_NOT_A_THING"];
        switch (set)
        {
            case "bounding": capabilities.Bounding = names; break;
            case "effective": capabilities.Effective = names; break;
            case "inheritable": capabilities.Inheritable = names; break;
            case "permitted": capabilities.Permitted = names; break;
            case "ambient": capabilities.Ambient = names; break;
        }
        ShouldFailAt(spec, $"/process/capabilities/{set}/1");
    }

    [Fact]
    public void LowercaseCapabilityNamesAreRejected()
    {
        var spec = Specs.Valid();
        spec.Process!.Capabilities!.Bounding = ["cap_kill"];
        ShouldFailAt(spec, "/process/capabilities/bounding/0");
    }

    [Fact]
    public void AllFortyOneCapabilitiesAreKnown()
    {
        var spec = Specs.Valid();
        spec.Process!.Capabilities!.Bounding = [.. CapabilityNames.All];

        SpecValidator.FindProblems(spec).ShouldBeEmpty();
        CapabilityNames.All.Count.ShouldBe(41);
        CapabilityNames.NumberOf("CAP_CHOWN").ShouldBe(0);
        CapabilityNames.NumberOf("CAP_SYS_ADMIN").ShouldBe(21);
        CapabilityNames.NumberOf("CAP_CHECKPOINT_RESTORE").ShouldBe(40);
    }

    [Fact]
    public void OomScoreAdjMustBeInKernelRange()
    {
        var spec = Specs.Valid();
        spec.Process!.OomScoreAdj = 1001;
        ShouldFailAt(spec, "/process/oomScoreAdj");
    }

    [Fact]
    public void SchedulerPolicyMustBeKnown()
    {
        var spec = Specs.Valid();
        spec.Process!.Scheduler = new Scheduler { Policy = "SCHED_FAST" };
        ShouldFailAt(spec, "/process/scheduler/policy");
    }

    [Fact]
    public void IoPriorityClassMustBeKnown()
    {
        var spec = Specs.Valid();
        spec.Process!.IoPriority = new IoPriority { Class = "IOPRIO_CLASS_NONE" };
        ShouldFailAt(spec, "/process/ioPriority/class");
    }

    [Fact]
    public void SchedulerFlagsAndNiceMustBeKnown()
    {
        var spec = Specs.Valid();
        spec.Process!.Scheduler = new Scheduler { Policy = "SCHED_OTHER", Flags = ["SCHED_FLAG_RESET_ON_FORK", "SCHED_FLAG_TURBO"] };
        ShouldFailAt(spec, "/process/scheduler/flags/1");
        spec.Process.Scheduler = new Scheduler { Policy = "SCHED_OTHER", Nice = 20 };
        ShouldFailAt(spec, "/process/scheduler/nice");
    }

    [Fact]
    public void PersonalityDomainMustBeLinuxOrLinux32()
    {
        var spec = Specs.Valid();
        spec.Linux!.Personality = new LinuxPersonality { Domain = "PER_BSD" };
        ShouldFailAt(spec, "/linux/personality/domain");
        spec.Linux.Personality = new LinuxPersonality { Domain = "LINUX32" };
        SpecValidator.FindProblems(spec).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("0", new[] { 0 })]
    [InlineData("0-2,5", new[] { 0, 1, 2, 5 })]
    [InlineData(" 3 , 1-1", new[] { 1, 3 })]
    public void CpuListsParseAsTheKernelWritesThem(string text, int[] cpus) => CpuList.Parse(text)!.ShouldBe(cpus);

    [Theory]
    [InlineData("")]
    [InlineData("2-1")]
    [InlineData("a")]
    [InlineData("1-2-3")]
    [InlineData("-1")]
    public void MalformedCpuListsAreRefused(string text)
    {
        CpuList.Parse(text).ShouldBeNull();
        var spec = Specs.Valid();
        spec.Process!.ExecCpuAffinity = new ExecCpuAffinity { Final = text.Length == 0 ? "x" : text };
        ShouldFailAt(spec, "/process/execCPUAffinity/final");
    }
}
