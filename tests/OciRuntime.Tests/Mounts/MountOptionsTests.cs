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
    [Theory]
    [InlineData("rro", MountAttr.RDONLY, 0UL)]
    [InlineData("rrw", 0UL, MountAttr.RDONLY)]
    [InlineData("rnosuid", MountAttr.NOSUID, 0UL)]
    [InlineData("rsuid", 0UL, MountAttr.NOSUID)]
    [InlineData("rnodev", MountAttr.NODEV, 0UL)]
    [InlineData("rdev", 0UL, MountAttr.NODEV)]
    [InlineData("rnoexec", MountAttr.NOEXEC, 0UL)]
    [InlineData("rexec", 0UL, MountAttr.NOEXEC)]
    [InlineData("rnodiratime", MountAttr.NODIRATIME, 0UL)]
    [InlineData("rdiratime", 0UL, MountAttr.NODIRATIME)]
    [InlineData("rnosymfollow", MountAttr.NOSYMFOLLOW, 0UL)]
    [InlineData("rsymfollow", 0UL, MountAttr.NOSYMFOLLOW)]
    [InlineData("rnoatime", MountAttr.NOATIME, MountAttr.ATIME_MASK)]
    [InlineData("rstrictatime", MountAttr.STRICTATIME, MountAttr.ATIME_MASK)]
    [InlineData("rnorelatime", MountAttr.STRICTATIME, MountAttr.ATIME_MASK)]
    [InlineData("rrelatime", MountAttr.RELATIME, MountAttr.ATIME_MASK)]
    [InlineData("ratime", MountAttr.RELATIME, MountAttr.ATIME_MASK)]
    [InlineData("rnostrictatime", MountAttr.RELATIME, MountAttr.ATIME_MASK)]
    public void Recursive_options_become_mount_setattr_attributes_not_flags_or_data(string option, ulong set, ulong clear)
    {
        var o = MountOptions.Parse(["rbind", option]);
        o.RecursiveSet.ShouldBe(set);
        o.RecursiveClear.ShouldBe(clear);
        o.HasRecursiveAttributes.ShouldBeTrue();
        o.Flags.ShouldBe(Ms.BIND | Ms.REC);
        o.Data.ShouldBeEmpty();
    }

    [Fact]
    public void The_last_recursive_option_of_a_pair_wins_and_atime_modes_replace_each_other()
    {
        var o = MountOptions.Parse(["rro", "rrw", "rnoexec", "rnoatime", "rstrictatime"]);
        o.RecursiveSet.ShouldBe(MountAttr.NOEXEC | MountAttr.STRICTATIME);
        o.RecursiveClear.ShouldBe(MountAttr.RDONLY | MountAttr.ATIME_MASK);
    }

    [Fact]
    public void Plain_options_leave_recursive_attributes_alone()
    {
        MountOptions.Parse(["rbind", "ro", "nosuid"]).HasRecursiveAttributes.ShouldBeFalse();
    }

    [Fact]
    public void Every_recursive_option_runc_lists_is_known()
    {
        string[] runcRecursive = ["rro", "rrw", "rnosuid", "rsuid", "rnodev", "rdev", "rnoexec", "rexec", "rnodiratime", "rdiratime",
            "rrelatime", "rnorelatime", "rnoatime", "ratime", "rstrictatime", "rnostrictatime", "rnosymfollow", "rsymfollow"];
        runcRecursive.ShouldBeSubsetOf(MountOptions.KnownOptions);
    }
}
