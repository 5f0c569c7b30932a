using OciRuntime.Spec;
using OciRuntime.Spec.Model;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Spec;

public sealed class MountValidatorTests
{
    private static RuntimeSpec With(Mount mount)
    {
        var spec = Specs.Valid();
        spec.Mounts!.Add(mount);
        return spec;
    }

    private static SpecException Problem(Mount mount) => Should.Throw<SpecException>(() => SpecValidator.Validate(With(mount)));

    private static string Last => $"/mounts/{Specs.Valid().Mounts!.Count}";

    [Fact]
    public void A_mount_without_a_destination_is_refused() =>
        Problem(new Mount { Type = "tmpfs", Source = "tmpfs" }).Pointer.ShouldBe($"{Last}/destination");

    [Theory]
    [InlineData("tmpfs", "rbind")]
    [InlineData("proc", "bind")]
    public void A_bind_option_with_a_filesystem_type_is_refused(string type, string bind) =>
        Problem(new Mount { Destination = "/mnt", Type = type, Source = "/tmp", Options = [bind] }).Pointer.ShouldBe($"{Last}/type");

    [Theory]
    [InlineData("bind")]
    [InlineData("none")]
    [InlineData(null)]
    public void A_bind_option_with_bind_none_or_no_type_is_accepted(string? type) =>
        SpecValidator.FindProblems(With(new Mount { Destination = "/mnt", Type = type, Source = "/tmp", Options = ["rbind", "ro"] })).ShouldBeEmpty();

    [Fact]
    public void A_mount_with_neither_type_nor_bind_is_refused() =>
        Problem(new Mount { Destination = "/mnt", Source = "x" }).Pointer.ShouldBe($"{Last}/type");
}
