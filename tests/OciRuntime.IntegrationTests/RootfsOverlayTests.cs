namespace OciRuntime.IntegrationTests;

/// <summary>--rootfs-overlay: the container writes to an overlay whose upper layer lives in its state directory.</summary>
public sealed class RootfsOverlayTests : ContainerTest
{
    [RootFact]
    public void Writes_land_in_the_state_directory_and_the_bundle_rootfs_is_untouched()
    {
        string marker = $"overlay-{Guid.NewGuid():N}"[..16];
        var bundle = NewBundle().Shell($"grep ' / ' /proc/self/mountinfo; echo hi > /{marker}; rm /bin/ls && echo removed; sleep 1000")
            .Edit(c => c["root"]!["readonly"] = false);
        string id = NewId();
        Ok("create", "--rootfs-overlay", "-b", bundle.Write(), id);
        Ok("start", id);
        string upper = Path.Combine(StateRoot, id, "overlay", "upper");
        Eventually(() => File.Exists(Path.Combine(upper, marker)), "the container's write to reach the upper layer");

        File.Exists(Path.Combine(RuntimeBinary.BusyboxRootfs, marker)).ShouldBeFalse("the write went to the bundle's rootfs");
        Path.Exists(Path.Combine(RuntimeBinary.BusyboxRootfs, "bin", "ls")).ShouldBeTrue("the removal reached the bundle's rootfs");
        File.ReadAllText($"/proc/{Pid(id)}/mountinfo").Split('\n').Single(l => l.Split(' ').Length > 4 && l.Split(' ')[4] == "/")
            .ShouldContain(" - overlay overlay ");

        Ok("delete", "--force", id);
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse("the upper layer outlived the container");
    }

    [RootFact]
    public void Run_with_an_overlay_sees_its_own_writes()
    {
        var bundle = NewBundle().Shell("echo written > /etc/new-file && cat /etc/new-file").Edit(c => c["root"]!["readonly"] = false);
        Ok("run", "--rootfs-overlay", "-b", bundle.Write(), NewId()).Stdout.ShouldBe("written\n");
        File.Exists(Path.Combine(RuntimeBinary.BusyboxRootfs, "etc", "new-file")).ShouldBeFalse();
    }
}
