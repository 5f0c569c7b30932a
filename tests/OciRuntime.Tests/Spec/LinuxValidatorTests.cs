using OciRuntime.Spec;
using OciRuntime.Spec.Model;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Spec;

public sealed class LinuxValidatorTests
{
    private static SpecException FirstProblem(RuntimeSpec spec) =>
        Should.Throw<SpecException>(() => SpecValidator.Validate(spec));

    private static void ShouldFailAt(RuntimeSpec spec, string pointer) => FirstProblem(spec).Pointer.ShouldBe(pointer);

    private static void ShouldPass(RuntimeSpec spec) => SpecValidator.FindProblems(spec).ShouldBeEmpty();

    [Fact]
    public void NamespaceTypeMustBeKnown()
    {
        var spec = Specs.Valid();
        spec.Linux!.Namespaces![2].Type = "net";
        ShouldFailAt(spec, "/linux/namespaces/2/type");
    }

    [Fact]
    public void EveryKnownNamespaceTypeIsAccepted()
    {
        var spec = Specs.WithUserNamespace();
        spec.Linux!.Namespaces!.Add(new LinuxNamespace { Type = "time" });
        spec.Linux.Namespaces.Select(ns => ns.Type).Order().ShouldBe(NamespaceTypes.All.Order());
        ShouldPass(spec);
    }

    [Fact]
    public void DuplicateNamespaceTypeNamesTheDuplicate()
    {
        var spec = Specs.Valid();
        spec.Linux!.Namespaces!.Add(new LinuxNamespace { Type = "pid", Path = "/proc/1/ns/pid" });

        var problem = FirstProblem(spec);

        problem.Pointer.ShouldBe("/linux/namespaces/6/type");
        problem.Cause.ShouldBe("duplicate namespace type \"pid\"");
    }

    [Fact]
    public void NamespacePathMustBeAbsolute()
    {
        var spec = Specs.Valid();
        spec.Linux!.Namespaces![1].Path = "proc/1/ns/net";
        ShouldFailAt(spec, "/linux/namespaces/1/path");
    }

    [Fact]
    public void MappingsWithoutUserNamespaceAreRejected()
    {
        var spec = Specs.Valid();
        spec.Linux!.UidMappings = [new IdMapping { HostId = 1000, Size = 1 }];
        spec.Linux.GidMappings = [new IdMapping { HostId = 1000, Size = 1 }];

        var problem = FirstProblem(spec);

        problem.Pointer.ShouldBe("/linux/uidMappings");
        problem.Cause.ShouldBe("mappings require a user namespace (no \"user\" entry in /linux/namespaces)");
    }

    [Fact]
    public void NewUserNamespaceNeedsUidMappings()
    {
        var spec = Specs.WithUserNamespace();
        spec.Linux!.UidMappings = null;

        var problem = FirstProblem(spec);

        problem.Pointer.ShouldBe("/linux/uidMappings");
        problem.Cause.ShouldBe("a new user namespace needs uidMappings and gidMappings");
    }

    [Fact]
    public void NewUserNamespaceNeedsGidMappings()
    {
        var spec = Specs.WithUserNamespace();
        spec.Linux!.GidMappings = [];
        ShouldFailAt(spec, "/linux/gidMappings");
    }

    [Fact]
    public void JoinedUserNamespaceNeedsNoMappings()
    {
        var spec = Specs.WithUserNamespace();
        spec.Linux!.Namespaces!.Last().Path = "/proc/1/ns/user";
        spec.Linux.UidMappings = null;
        spec.Linux.GidMappings = null;
        ShouldPass(spec);
    }

    [Fact]
    public void MappingSizeMustNotBeZero()
    {
        var spec = Specs.WithUserNamespace();
        spec.Linux!.UidMappings!.Add(new IdMapping { ContainerId = 70000, HostId = 200000, Size = 0 });
        ShouldFailAt(spec, "/linux/uidMappings/1/size");
    }

    [Fact]
    public void MountMappingSizeMustNotBeZero()
    {
        var spec = Specs.Valid();
        spec.Mounts![0].GidMappings = [new IdMapping { Size = 0 }];
        ShouldFailAt(spec, "/mounts/0/gidMappings/0/size");
    }

    [Fact]
    public void HostnameNeedsUtsNamespace()
    {
        var spec = Specs.Valid();
        spec.Linux!.Namespaces!.RemoveAll(ns => ns.Type == "uts");

        var problem = FirstProblem(spec);

        problem.Pointer.ShouldBe("/hostname");
        problem.Cause.ShouldBe("setting the hostname requires a new UTS namespace");
    }

    [Fact]
    public void HostnameNeedsANewUtsNamespaceNotAJoinedOne()
    {
        var spec = Specs.Valid();
        spec.Linux!.Namespaces!.Single(ns => ns.Type == "uts").Path = "/proc/1/ns/uts";
        ShouldFailAt(spec, "/hostname");
    }

    [Fact]
    public void DomainnameNeedsUtsNamespace()
    {
        var spec = Specs.Valid();
        spec.Hostname = null;
        spec.Domainname = "example.test";
        spec.Linux!.Namespaces!.RemoveAll(ns => ns.Type == "uts");
        ShouldFailAt(spec, "/domainname");
    }

    [Fact]
    public void TimeOffsetsNeedTimeNamespace()
    {
        var spec = Specs.Valid();
        spec.Linux!.TimeOffsets = new() { ["monotonic"] = new LinuxTimeOffset { Secs = 10 } };
        ShouldFailAt(spec, "/linux/timeOffsets");

        spec.Linux.Namespaces!.Add(new LinuxNamespace { Type = "time" });
        ShouldPass(spec);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void MountDestinationIsRequired(string? destination)
    {
        var spec = Specs.Valid();
        spec.Mounts![2].Destination = destination;
        ShouldFailAt(spec, "/mounts/2/destination");
    }

    [Fact]
    public void MountDestinationMustBeAbsolute()
    {
        var spec = Specs.Valid();
        spec.Mounts![1].Destination = "dev";

        FirstProblem(spec).Message.ShouldBe("/mounts/1/destination: must be an absolute path (runtime-spec), got \"dev\"");
    }

    [Fact]
    public void MountTypeIsRequiredForNonBindMounts()
    {
        var spec = Specs.Valid();
        spec.Mounts![4].Type = "";
        ShouldFailAt(spec, "/mounts/4/type");
    }

    [Theory]
    [InlineData("bind")]
    [InlineData("rbind")]
    public void BindMountsMayOmitType(string bind)
    {
        var spec = Specs.Valid();
        spec.Mounts!.Add(new Mount { Destination = "/data", Source = "/srv/data", Options = [bind, "ro"] });
        ShouldPass(spec);
    }

    [Theory]
    [InlineData("")]
    [InlineData("shared")]
    [InlineData("rslave")]
    [InlineData("runbindable")]
    public void KnownRootfsPropagationIsAccepted(string propagation)
    {
        var spec = Specs.Valid();
        spec.Linux!.RootfsPropagation = propagation;
        ShouldPass(spec);
    }

    [Fact]
    public void UnknownRootfsPropagationIsRejected()
    {
        var spec = Specs.Valid();
        spec.Linux!.RootfsPropagation = "recursive";
        ShouldFailAt(spec, "/linux/rootfsPropagation");
    }

    [Theory]
    [InlineData("/../escape")]
    [InlineData("a/b/..")]
    [InlineData("system.slice:..:name")]
    public void CgroupsPathMustNotClimb(string path)
    {
        var spec = Specs.Valid();
        spec.Linux!.CgroupsPath = path;
        ShouldFailAt(spec, "/linux/cgroupsPath");
    }

    [Theory]
    [InlineData("/runtime/container1")]
    [InlineData("system.slice:ociruntime:abc")]
    [InlineData("/a..b/c")]
    public void OrdinaryCgroupsPathsAreAccepted(string path)
    {
        var spec = Specs.Valid();
        spec.Linux!.CgroupsPath = path;
        ShouldPass(spec);
    }
}
