using System.Diagnostics;

namespace OciRuntime.EngineTests;

/// <summary>
/// A private containerd (own root, state and sockets in a temp directory, CRI plugin off), started by the fixture and
/// stopped by PID. Tasks go through containerd's runc v2 shim with `--runc-binary` pointing at the runtime under test.
/// </summary>
public sealed class ContainerdFixture : IDisposable
{
    public const string Image = "localhost/ocirt-busybox:e2e";
    public const string Namespace = "ocirt-e2e";
    private readonly string dir;
    private readonly Process? daemon;

    public ContainerdFixture()
    {
        dir = Directory.CreateTempSubdirectory("ocirt-containerd-").FullName;
        if (Runtimes.WhyNot("containerd") is not null || Runtimes.WhyNot("ctr") is not null) return;
        string config = Path.Combine(dir, "config.toml");
        File.WriteAllText(config, $"""
            version = 2
            root = "{dir}/root"
            state = "{dir}/state"
            disabled_plugins = ["io.containerd.grpc.v1.cri"]
            [grpc]
              address = "{Socket}"
            [ttrpc]
              address = "{Socket}.ttrpc"
            """);
        var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"exec containerd --config '{config}' </dev/null >'{dir}/containerd.log' 2>&1");
        daemon = Process.Start(psi)!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Ctr("version").ExitCode != 0)
        {
            if (DateTime.UtcNow > deadline || daemon.HasExited)
                throw new InvalidOperationException("containerd did not start:\n" + File.ReadAllText(Path.Combine(dir, "containerd.log")));
            Thread.Sleep(200);
        }
        string archive = Path.Combine(dir, "image.tar");
        OciImageArchive.Write(Runtimes.BusyboxRootfs, Image, archive);
        var imported = Ctr("images", "import", archive);
        imported.ExitCode.ShouldBe(0, imported.ToString());
    }

    private string Socket => Path.Combine(dir, "containerd.sock");

    public ShellResult Ctr(params string[] args) => Shell.Run(["ctr", "--address", Socket, "--namespace", Namespace, .. args]);

    public void Dispose()
    {
        if (daemon is not null)
        {
            foreach (string container in Ctr("containers", "list", "--quiet").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                Ctr("tasks", "kill", "--signal", "KILL", container);
                Ctr("tasks", "delete", "--force", container);
                Ctr("containers", "delete", container);
            }
            daemon.Kill();
            daemon.WaitForExit();
            daemon.Dispose();
        }
        // Shims outlive containerd by design; ours are the ones started with this fixture's socket address.
        foreach (string proc in Directory.EnumerateDirectories("/proc").Where(p => int.TryParse(Path.GetFileName(p), out _)))
        {
            string cmdline;
            try { cmdline = File.ReadAllText(Path.Combine(proc, "cmdline")); } catch (IOException) { continue; }
            if (cmdline.Contains(Socket, StringComparison.Ordinal)) Shell.Run(["kill", "-9", Path.GetFileName(proc)]);
        }
        TempMounts.RemoveTree(dir);
    }
}
