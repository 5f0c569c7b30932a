using System.Diagnostics;

namespace OciRuntime.EngineTests;

public sealed record ShellResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

/// <summary>
/// Runs an engine's command line with stdio on files, never pipes: a detached container's monitor (conmon, the shim)
/// may keep inherited descriptors open long after the command returns.
/// </summary>
public static class Shell
{
    public static ShellResult Run(IEnumerable<string> argv, string? stdin = null, IDictionary<string, string>? env = null,
        int timeoutMs = 120_000)
    {
        string dir = Directory.CreateTempSubdirectory("ocirt-engine-").FullName;
        string input = Path.Combine(dir, "in"), output = Path.Combine(dir, "out"), error = Path.Combine(dir, "err");
        File.WriteAllText(input, stdin ?? "");
        try
        {
            var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("exec \"$0\" \"$@\" <\"$E2E_IN\" >\"$E2E_OUT\" 2>\"$E2E_ERR\"");
            foreach (string a in argv) psi.ArgumentList.Add(a);
            psi.Environment["E2E_IN"] = input;
            psi.Environment["E2E_OUT"] = output;
            psi.Environment["E2E_ERR"] = error;
            foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
            using var p = Process.Start(psi)!;
            if (!p.WaitForExit(timeoutMs))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException($"{string.Join(' ', argv)} did not finish in {timeoutMs} ms");
            }
            return new ShellResult(p.ExitCode, File.ReadAllText(output), File.ReadAllText(error));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
        .Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
