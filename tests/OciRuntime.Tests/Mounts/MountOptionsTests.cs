using OciRuntime.Init.Mounts;
using OciRuntime.Linux;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Mounts;

public sealed class MountOptionsTests
{
    [Fact]
    public void Flags_propagation_and_filesystem_data_are_separated()
    {
        var o = MountOptions.Parse(["nosuid", "noexec", "nodev", "mode=1777", "size=65536k", "rslave"]);
        o.Flags.ShouldBe(Ms.NOSUID | Ms.NOEXEC | Ms.NODEV);
        o.Propagation.ShouldBe(Ms.SLAVE | Ms.REC);
        o.Data.ShouldBe("mode=1777,size=65536k");
    }

    [Fact]
    public void A_later_option_overrides_an_earlier_one()
    {
        MountOptions.Parse(["ro", "rw"]).Flags.ShouldBe(0UL);
        MountOptions.Parse(["rw", "ro"]).Flags.ShouldBe(Ms.RDONLY);
        MountOptions.Parse(["nosuid", "suid"]).ClearedFlags.ShouldBe(Ms.NOSUID);
    }

    [Fact]
    public void Rbind_is_a_recursive_bind_and_ro_needs_a_remount()
    {
        var o = MountOptions.Parse(["rbind", "ro", "nosuid"]);
        o.IsBind.ShouldBeTrue();
        o.IsRecursive.ShouldBeTrue();
        o.RemountFlags.ShouldBe(Ms.RDONLY | Ms.NOSUID);
    }

    [Theory]
    [InlineData(null, Ms.SLAVE | Ms.REC)]
    [InlineData("", Ms.SLAVE | Ms.REC)]
    [InlineData("private", Ms.PRIVATE)]
    [InlineData("rshared", Ms.SHARED | Ms.REC)]
    public void Root_propagation_defaults_to_rslave(string? value, ulong expected) =>
        MountOptions.RootPropagation(value).ShouldBe(expected);
}
