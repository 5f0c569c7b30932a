using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

/// <summary>
/// The same config run by ociruntime and by runc, each container describing its own filesystem from inside:
/// what the masked paths became, whether the read-only paths are read-only, and what /dev holds. The two
/// descriptions must match line for line. Run with both `ociruntime spec`'s and `runc spec`'s default config.
/// </summary>
public sealed class RuncComparisonTests : ContainerTest
{
    private const string Probe = """
        for p in $MASKED; do
          if [ -c $p ]; then echo "masked $p char $(stat -c %t:%T $p)"; elif [ -d $p ]; then echo "masked $p empty-dir $(ls -A $p | wc -l)"
          elif [ -e $p ]; then echo "masked $p other"; else echo "masked $p absent"; fi
        done
        for p in $READONLY; do grep " $p " /proc/self/mountinfo | awk '{ split($6, o, ","); print "readonly", $5, o[1] }'; done
        awk '$5 ~ /^\/dev/ { for (i = 7; $i != "-"; i++); split($6, o, ","); print "mount", $5, $(i + 1), o[1] }' /proc/self/mountinfo | sort
        for f in /dev/* /dev/pts/* /dev/shm/* /dev/mqueue/*; do
          [ -e "$f" ] || [ -L "$f" ] || continue
          stat -c "dev %n %F %a %t:%T %u:%g" "$f"
          [ -L "$f" ] && echo "link $f $(readlink $f)"
        done
        true
        """;

    [RuncTheory]
    [InlineData("ociruntime")]
    [InlineData("runc")]
    public void Masked_and_readonly_paths_and_dev_look_the_same_from_inside_as_under_runc(string specFrom)
    {
        var bundle = NewBundle();
        string generator = specFrom == "runc" ? RuncBinary.Path! : RuntimeBinary.Path;
        var generated = RuntimeBinary.Exec(["spec", "--bundle", bundle.Dir], command: [generator]);
        generated.ExitCode.ShouldBe(0, generated.ToString());
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(bundle.Dir, "config.json")))!.AsObject();
        var linux = config["linux"]!.AsObject();
        config["root"] = new JsonObject { ["path"] = RuntimeBinary.BusyboxRootfs, ["readonly"] = true };
        var process = config["process"]!.AsObject();
        process["terminal"] = false;
        process["args"] = new JsonArray("sh", "-c", Probe);
        process["env"] = new JsonArray("PATH=/bin",
            $"MASKED={string.Join(' ', linux["maskedPaths"]!.AsArray().Select(p => (string)p!))}",
            $"READONLY={string.Join(' ', linux["readonlyPaths"]!.AsArray().Select(p => (string)p!))}");
        File.WriteAllText(Path.Combine(bundle.Dir, "config.json"), config.ToJsonString());

        var ours = Runtime.Run("run", "-b", bundle.Dir, NewId());
        string runcRoot = Directory.CreateTempSubdirectory("ocirt-runc-root-").FullName;
        try
        {
            var theirs = RuntimeBinary.Exec(["--root", runcRoot, "run", "-b", bundle.Dir, $"runc-{Guid.NewGuid():N}"[..20]], command: [RuncBinary.Path]);
            theirs.ExitCode.ShouldBe(0, theirs.ToString());
            ours.ExitCode.ShouldBe(0, ours.ToString());
            ours.Stdout.ShouldContain("masked /proc/kcore");
            ours.Stdout.ShouldContain("dev /dev/null character special file 666 1:3 0:0");
            ours.Stdout.ShouldBe(theirs.Stdout);
        }
        finally
        {
            Directory.Delete(runcRoot, recursive: true);
        }
    }
}

public static class RuncBinary
{
    public static string? Path { get; } =
        new[] { "/usr/sbin/runc", "/usr/bin/runc", "/usr/local/sbin/runc", "/usr/local/bin/runc" }.FirstOrDefault(File.Exists);
}

public sealed class RuncTheoryAttribute : TheoryAttribute
{
    public RuncTheoryAttribute() => Skip = RealContainers.WhyNot() ??
        (RuncBinary.Path is null ? "compares with runc, which is not installed (tests/setup-deps.sh installs the Debian package)" : null);
}
