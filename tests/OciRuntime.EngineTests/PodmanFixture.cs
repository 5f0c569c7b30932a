namespace OciRuntime.EngineTests;

/// <summary>
/// A private Podman: its own storage, run and tmp directories and containers.conf, so nothing touches the machine's
/// own Podman setup. The image is the project's busybox rootfs, imported once (nothing is downloaded).
/// </summary>
public sealed class PodmanFixture : IDisposable
{
    public const string Image = "localhost/ocirt-busybox:e2e";
    private readonly string dir;
    private readonly Dictionary<string, string> env;

    public PodmanFixture()
    {
        dir = Directory.CreateTempSubdirectory("ocirt-podman-").FullName;
        string conf = Path.Combine(dir, "containers.conf");
        // This host can't raise hard limits (no CAP_SYS_RESOURCE) and podman caps its own nproc at 32768.
        File.WriteAllText(conf, """
            [containers]
            default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
            netns = "none"
            log_driver = "k8s-file"
            [engine]
            cgroup_manager = "cgroupfs"
            events_logger = "file"
            """);
        env = new() { ["CONTAINERS_CONF"] = conf };
        if (Runtimes.WhyNot("podman") is not null) return;
        string tar = Path.Combine(dir, "rootfs.tar");
        Shell.Run(["tar", "-C", Runtimes.BusyboxRootfs, "-cf", tar, "."]).ExitCode.ShouldBe(0);
        var imported = Run("runc", "import", tar, Image);
        imported.ExitCode.ShouldBe(0, imported.ToString());
    }

    public string Dir => dir;

    public ShellResult Run(string runtime, params string[] args) => RunWithInput(runtime, null, args);

    public ShellResult RunWithInput(string runtime, string? stdin, params string[] args) =>
        Shell.Run([.. Command(runtime), .. args], stdin, env);

    /// <summary>The podman command line with this fixture's private roots and the runtime under test.</summary>
    public string[] Command(string runtime) =>
    [
        "podman", "--root", Path.Combine(dir, "storage"), "--runroot", Path.Combine(dir, "run"),
        "--tmpdir", Path.Combine(dir, "tmp"), "--storage-driver", "vfs", "--runtime", Runtimes.PathOf(runtime),
    ];

    public IReadOnlyDictionary<string, string> Environment => env;

    public void Dispose()
    {
        if (Runtimes.WhyNot("podman") is null) Run("runc", "rm", "--all", "--force", "--time", "0");
        TempMounts.RemoveTree(dir);
    }
}
