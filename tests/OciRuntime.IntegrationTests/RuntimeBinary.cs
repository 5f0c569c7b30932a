using System.Diagnostics;

namespace OciRuntime.IntegrationTests;

public sealed record CommandResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

/// <summary>
/// Drives the published NativeAOT binary (artifacts/ociruntime). The C stage only exists in that binary,
/// so the runtime is never called in-process. Tests may use Process; the runtime itself never does.
/// </summary>
public sealed class RuntimeBinary
{
    public static string RepoRoot { get; } = FindRepoRoot();
    public static string Path => System.IO.Path.Combine(RepoRoot, "artifacts", "ociruntime");
    public static string BusyboxRootfs => System.IO.Path.Combine(RepoRoot, "bundles", "busybox", "rootfs");

    public string StateRoot { get; }

    public RuntimeBinary(string stateRoot) => StateRoot = stateRoot;

    public CommandResult Run(params string[] args) => Exec(["--root", StateRoot, .. args]);

    /// <summary>
    /// Runs the binary with stdout and stderr going to files, not pipes: after `create` the container's init keeps
    /// the caller's stdio open (as with runc), so waiting for a pipe's EOF would wait for the container to exit.
    /// </summary>
    /// <param name="command">What to run instead of the binary itself, e.g. a setpriv line ending in a copy of it, or runc
    /// for side-by-side tests.</param>
    public static CommandResult Exec(IEnumerable<string> args, int timeoutMs = 60_000, string? stdin = null,
        IReadOnlyList<string>? command = null)
    {
        command ??= [Path];
        string dir = Directory.CreateTempSubdirectory("ocirt-exec-").FullName;
        string input = System.IO.Path.Combine(dir, "in"), output = System.IO.Path.Combine(dir, "out"), error = System.IO.Path.Combine(dir, "err");
        File.WriteAllText(input, stdin ?? "");
        try
        {
            var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("exec \"$0\" \"$@\" <\"$OCIRT_IN\" >\"$OCIRT_OUT\" 2>\"$OCIRT_ERR\"");
            foreach (string a in command.Concat(args)) psi.ArgumentList.Add(a);
            psi.Environment["OCIRT_IN"] = input;
            psi.Environment["OCIRT_OUT"] = output;
            psi.Environment["OCIRT_ERR"] = error;
            using var p = Process.Start(psi)!;
            if (!p.WaitForExit(timeoutMs))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException($"ociruntime {string.Join(' ', args)} did not finish in {timeoutMs} ms");
            }
            return new CommandResult(p.ExitCode, File.ReadAllText(output), File.ReadAllText(error));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OciRuntime.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (OciRuntime.sln) above " + AppContext.BaseDirectory);
    }
}
