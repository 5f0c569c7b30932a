using System.Runtime.InteropServices;

namespace OciRuntime.EngineTests;

/// <summary>
/// Every battery runs once with ociruntime and once with runc, so a failure that both share is the test's, not ours.
/// </summary>
public static partial class Runtimes
{
    public static string RepoRoot { get; } = FindRepoRoot();
    public static string Ociruntime => Path.Combine(RepoRoot, "artifacts", "ociruntime");
    public static string BusyboxRootfs => Path.Combine(RepoRoot, "bundles", "busybox", "rootfs");

    public static TheoryData<string> Both => new() { "ociruntime", "runc" };

    public static string PathOf(string runtime) => runtime switch
    {
        "ociruntime" => Ociruntime,
        "runc" => Shell.Which("runc") ?? throw new InvalidOperationException("runc is not installed"),
        _ => throw new ArgumentOutOfRangeException(nameof(runtime)),
    };

    /// <summary>Why an engine battery can't run here, or null. CI installs the engines (tests/setup-engines.sh).</summary>
    public static string? WhyNot(string engine)
    {
        if (geteuid() != 0) return "drives real engines: needs root";
        if (!File.Exists(Ociruntime)) return $"needs the built binary at {Ociruntime} (run make)";
        if (!File.Exists(Path.Combine(BusyboxRootfs, "bin", "busybox"))) return "needs the busybox bundle (run make bundle)";
        if (Shell.Which(engine) is null) return $"needs {engine} (tests/setup-engines.sh installs it)";
        if (Shell.Which("runc") is null) return "needs runc to compare with (tests/setup-engines.sh installs it)";
        return null;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OciRuntime.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (OciRuntime.sln) above " + AppContext.BaseDirectory);
    }

    [LibraryImport("libc")]
    private static partial uint geteuid();
}

public sealed class PodmanTheoryAttribute : TheoryAttribute
{
    public PodmanTheoryAttribute() => Skip = Runtimes.WhyNot("podman");
}

public sealed class ContainerdTheoryAttribute : TheoryAttribute
{
    public ContainerdTheoryAttribute() => Skip = Runtimes.WhyNot("containerd") ?? Runtimes.WhyNot("ctr");
}
