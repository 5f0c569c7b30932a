using OciRuntime.Spec;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Spec;

public sealed class SpecLoaderTests
{
    private static readonly string ValidConfig = Specs.Json(Specs.Valid());

    [Fact]
    public void LoadsValidBundle()
    {
        using var bundle = new TempBundle().WithConfig(ValidConfig).WithRootfs();

        var loaded = SpecLoader.Load(bundle.Path + "/./");

        loaded.BundlePath.ShouldBe(bundle.Path);
        loaded.RootfsPath.ShouldBe(bundle.Combine("rootfs"));
        loaded.Spec.Process!.Args.ShouldBe(["sh"]);
        loaded.ConfigBytes.ShouldBe(File.ReadAllBytes(bundle.Combine("config.json")));
    }

    [Fact]
    public void RelativeBundlePathIsMadeAbsolute()
    {
        using var bundle = new TempBundle().WithConfig(ValidConfig).WithRootfs();
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, bundle.Path);

        SpecLoader.Load(relative).BundlePath.ShouldBe(bundle.Path);
    }

    [Fact]
    public void AbsoluteRootPathIsUsedAsIs()
    {
        using var rootfs = new TempBundle();
        var spec = Specs.Valid();
        spec.Root!.Path = rootfs.Path;
        using var bundle = new TempBundle().WithConfig(Specs.Json(spec));

        SpecLoader.Load(bundle.Path).RootfsPath.ShouldBe(rootfs.Path);
    }

    [Fact]
    public void MissingBundleDirectoryIsReported()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-bundle-{Guid.NewGuid():N}");

        var problem = Should.Throw<SpecException>(() => SpecLoader.Load(missing));

        problem.Pointer.ShouldBe("");
        problem.Message.ShouldBe($"bundle directory {missing} does not exist");
    }

    [Fact]
    public void MissingConfigIsReported()
    {
        using var bundle = new TempBundle().WithRootfs();

        var problem = Should.Throw<SpecException>(() => SpecLoader.Load(bundle.Path));

        problem.Pointer.ShouldBe("");
        problem.Message.ShouldContain("config.json");
    }

    [Fact]
    public void MissingRootfsIsReportedAtRootPath()
    {
        using var bundle = new TempBundle().WithConfig(ValidConfig);

        var problem = Should.Throw<SpecException>(() => SpecLoader.Load(bundle.Path));

        problem.Pointer.ShouldBe("/root/path");
        problem.Message.ShouldBe($"/root/path: rootfs {bundle.Combine("rootfs")} does not exist");
    }

    [Fact]
    public void RootfsThatIsAFileIsReportedAtRootPath()
    {
        using var bundle = new TempBundle().WithConfig(ValidConfig);
        File.WriteAllText(bundle.Combine("rootfs"), "");

        Should.Throw<SpecException>(() => SpecLoader.Load(bundle.Path)).Message.ShouldContain("is not a directory");
    }

    [Fact]
    public void ValidationProblemsAreReported()
    {
        var spec = Specs.Valid();
        spec.Linux!.Namespaces![2].Type = "bogus";
        using var bundle = new TempBundle().WithConfig(Specs.Json(spec)).WithRootfs();

        Should.Throw<SpecException>(() => SpecLoader.Load(bundle.Path)).Pointer.ShouldBe("/linux/namespaces/2/type");
    }

    [Fact]
    public void WrongJsonTypeNamesTheField()
    {
        using var bundle = new TempBundle()
            .WithConfig("""{"ociVersion": "1.0.0", "linux": {"namespaces": [{"type": "pid"}, {"type": 5}]}}""")
            .WithRootfs();

        var problem = Should.Throw<SpecException>(() => SpecLoader.Load(bundle.Path));

        problem.Pointer.ShouldBe("/linux/namespaces/1/type");
        problem.Message.ShouldBe("/linux/namespaces/1/type: invalid value, expected a string (line 1, byte 77)");
    }

    [Fact]
    public void NegativeUidIsAWrongTypeAtTheUid()
    {
        using var bundle = new TempBundle()
            .WithConfig("""{"ociVersion": "1.0.0", "process": {"user": {"uid": -1, "gid": 0}}}""")
            .WithRootfs();

        var problem = Should.Throw<SpecException>(() => SpecLoader.Load(bundle.Path));

        problem.Pointer.ShouldBe("/process/user/uid");
        problem.Cause.ShouldBe("invalid value, expected a uint32 (line 1, byte 55)");
    }

    [Fact]
    public void SyntaxErrorGivesPointerLineAndByte()
    {
        using var bundle = new TempBundle()
            .WithConfig("{\n  \"ociVersion\": \"1.0.0\",\n  \"process\": {\n    \"args\": [\"sh\" \"-c\"]\n  }\n}")
            .WithRootfs();

        var problem = Should.Throw<SpecException>(() => SpecLoader.Load(bundle.Path));

        problem.Pointer.ShouldBe("/process/args/1");
        problem.Cause.ShouldStartWith("invalid JSON: ");
        problem.Cause.ShouldEndWith("(line 4, byte 19)");
        problem.Message.ShouldNotContain("\n");
        problem.Message.ShouldNotContain("LineNumber");
    }

    [Theory]
    [InlineData("""{"ociVersion": "1.0.0",}""")]
    [InlineData("""{"ociVersion": "1.0.0" /* comment */}""")]
    [InlineData("""{"ociVersion": "1.0.0"} trailing""")]
    [InlineData("")]
    public void OnlyStrictJsonIsAccepted(string json)
    {
        using var bundle = new TempBundle().WithConfig(json).WithRootfs();

        Should.Throw<SpecException>(() => SpecLoader.Load(bundle.Path)).Cause.ShouldStartWith("invalid JSON: ");
    }

    [Fact]
    public void NullDocumentIsRejected()
    {
        using var bundle = new TempBundle().WithConfig("null").WithRootfs();

        Should.Throw<SpecException>(() => SpecLoader.Load(bundle.Path)).Pointer.ShouldBe("");
    }

    [Fact]
    public void AnnotationKeysWithDotsBecomePointerSegments()
    {
        using var bundle = new TempBundle()
            .WithConfig("""{"ociVersion": "1.0.0", "annotations": {"org.example/key": 1}}""")
            .WithRootfs();

        Should.Throw<SpecException>(() => SpecLoader.Load(bundle.Path)).Pointer.ShouldBe("/annotations/org.example~1key");
    }
}
