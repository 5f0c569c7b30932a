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

public sealed class IdmappedMountValidatorTests
{
    private static readonly List<IdMapping> Map = [new IdMapping { ContainerId = 0, HostId = 100000, Size = 65536 }];

    private static RuntimeSpec With(Mount mount, bool userNamespace = false)
    {
        var spec = Specs.Valid();
        spec.Mounts!.Add(mount);
        if (userNamespace)
        {
            spec.Linux!.Namespaces!.Add(new LinuxNamespace { Type = "user" });
            spec.Linux.UidMappings = Map;
            spec.Linux.GidMappings = Map;
        }
        return spec;
    }

    private static string Last => $"/mounts/{Specs.Valid().Mounts!.Count}";

    private static string PointerOf(RuntimeSpec spec) => Should.Throw<SpecException>(() => SpecValidator.Validate(spec)).Pointer;

    [Fact]
    public void A_bind_with_both_mappings_is_accepted() =>
        SpecValidator.FindProblems(With(new Mount { Destination = "/mnt", Source = "/srv", Options = ["bind"], UidMappings = Map, GidMappings = Map }))
            .ShouldBeEmpty();

    [Fact]
    public void Uid_mappings_without_gid_mappings_are_refused_naming_the_missing_one() =>
        PointerOf(With(new Mount { Destination = "/mnt", Source = "/srv", Options = ["bind"], UidMappings = Map })).ShouldBe($"{Last}/gidMappings");

    [Fact]
    public void Gid_mappings_without_uid_mappings_are_refused_naming_the_missing_one() =>
        PointerOf(With(new Mount { Destination = "/mnt", Source = "/srv", Options = ["rbind"], GidMappings = Map })).ShouldBe($"{Last}/uidMappings");

    [Fact]
    public void A_mapping_of_size_zero_is_refused() =>
        PointerOf(With(new Mount
        {
            Destination = "/mnt", Source = "/srv", Options = ["bind"], UidMappings = [new IdMapping { HostId = 1 }], GidMappings = Map,
        })).ShouldBe($"{Last}/uidMappings/0/size");

    [Fact]
    public void Mappings_on_a_mount_that_is_not_a_bind_are_refused() =>
        PointerOf(With(new Mount { Destination = "/mnt", Type = "tmpfs", Source = "tmpfs", UidMappings = Map, GidMappings = Map }))
            .ShouldBe($"{Last}/uidMappings");

    [Theory]
    [InlineData("idmap")]
    [InlineData("ridmap")]
    public void Idmap_on_a_mount_that_is_not_a_bind_is_refused(string option) =>
        PointerOf(With(new Mount { Destination = "/mnt", Type = "tmpfs", Source = "tmpfs", Options = [option] })).ShouldBe($"{Last}/options");

    [Fact]
    public void Idmap_without_mappings_needs_a_user_namespace() =>
        PointerOf(With(new Mount { Destination = "/mnt", Source = "/srv", Options = ["bind", "idmap"] })).ShouldBe($"{Last}/options");

    [Theory]
    [InlineData("idmap")]
    [InlineData("ridmap")]
    public void Idmap_without_mappings_in_a_container_with_a_user_namespace_is_accepted(string option) =>
        SpecValidator.FindProblems(With(new Mount { Destination = "/mnt", Source = "/srv", Options = ["rbind", option] }, userNamespace: true))
            .ShouldBeEmpty();
}
