using OciRuntime.Spec;
using OciRuntime.Spec.Model;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Spec;

public sealed class HookValidatorTests
{
    private static SpecException FirstProblem(RuntimeSpec spec) =>
        Should.Throw<SpecException>(() => SpecValidator.Validate(spec));

    [Fact]
    public void HookPathMustBeAbsolute()
    {
        var spec = Specs.Valid();
        spec.Hooks = new Hooks { CreateRuntime = [new Hook { Path = "/bin/true" }, new Hook { Path = "true" }] };
        FirstProblem(spec).Pointer.ShouldBe("/hooks/createRuntime/1/path");
    }

    [Fact]
    public void HookTimeoutMustBePositive()
    {
        var spec = Specs.Valid();
        spec.Hooks = new Hooks { Poststop = [new Hook { Path = "/bin/true", Timeout = 0 }] };
        FirstProblem(spec).Pointer.ShouldBe("/hooks/poststop/0/timeout");
    }
}
