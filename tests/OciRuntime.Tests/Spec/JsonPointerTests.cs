using OciRuntime.Spec;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Spec;

public sealed class JsonPointerTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a/b", "a~1b")]
    [InlineData("m~n", "m~0n")]
    [InlineData("~/", "~0~1")]
    public void EscapesTildeAndSlash(string segment, string escaped) => JsonPointer.Escape(segment).ShouldBe(escaped);

    [Theory]
    [InlineData(null, "")]
    [InlineData("$", "")]
    [InlineData("$.ociVersion", "/ociVersion")]
    [InlineData("$.linux.namespaces[3].type", "/linux/namespaces/3/type")]
    [InlineData("$.mounts[0]", "/mounts/0")]
    [InlineData("$.annotations['com.example.key']", "/annotations/com.example.key")]
    [InlineData("$.annotations['a/b']", "/annotations/a~1b")]
    [InlineData("$.linux.sysctl['net.ipv4.ip_forward'].x", "/linux/sysctl/net.ipv4.ip_forward/x")]
    [InlineData("$['a.b'][2]", "/a.b/2")]
    public void ConvertsSystemTextJsonPaths(string? path, string pointer) => JsonPointer.FromJsonPath(path).ShouldBe(pointer);

    [Fact]
    public void AppendsEscapedSegments()
    {
        JsonPointer.Append("/annotations", "a/b").ShouldBe("/annotations/a~1b");
        JsonPointer.Append("/mounts", 2).ShouldBe("/mounts/2");
    }

    [Fact]
    public void ExceptionMessageJoinsPointerAndCause()
    {
        new SpecException("/process/cwd", "must be an absolute path").Message.ShouldBe("/process/cwd: must be an absolute path");
        new SpecException("", "bundle directory /x does not exist").Message.ShouldBe("bundle directory /x does not exist");
    }
}
