using OciRuntime.Init.Mounts;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Mounts;

public sealed class SecurePathTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("securepath-").FullName;

    [Fact]
    public void An_absolute_symlink_resolves_inside_the_root()
    {
        Directory.CreateDirectory(Path.Combine(_root, "etc"));
        File.CreateSymbolicLink(Path.Combine(_root, "evil"), "/etc");
        SecurePath.Join(_root, "/evil/x").ShouldBe(Path.Combine(_root, "etc", "x"));
    }

    [Fact]
    public void Dot_dot_cannot_climb_above_the_root()
    {
        SecurePath.Join(_root, "/../../../etc/passwd").ShouldBe(Path.Combine(_root, "etc", "passwd"));
        File.CreateSymbolicLink(Path.Combine(_root, "up"), "../../../../");
        SecurePath.Join(_root, "/up/tmp").ShouldBe(Path.Combine(_root, "tmp"));
    }

    [Fact]
    public void A_symlink_loop_is_an_error_not_a_hang()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "a"), "/b");
        File.CreateSymbolicLink(Path.Combine(_root, "b"), "/a");
        Should.Throw<IOException>(() => SecurePath.Join(_root, "/a/x"));
    }

    [Fact]
    public void Plain_paths_are_joined()
    {
        SecurePath.Join(_root, "/dev/shm").ShouldBe(Path.Combine(_root, "dev", "shm"));
        SecurePath.Join(_root, "/").ShouldBe(_root);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
