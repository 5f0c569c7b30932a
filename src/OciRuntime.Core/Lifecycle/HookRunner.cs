using System.Text;
using OciRuntime.Linux;
using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// Runs OCI hooks: each gets the container's state JSON on stdin, its own path, args and env, and at most
/// `timeout` seconds. Spawned with our own posix_spawn helper and reaped through a pidfd (never
/// System.Diagnostics.Process, whose SIGCHLD handling would reap the container's processes too).
/// </summary>
public static unsafe class HookRunner
{
    private const int OutputLimit = 4096;

    /// <summary>Runs the hooks of one kind in order; the first failure throws, naming /hooks/kind/N.</summary>
    public static void RunAll(string kind, IReadOnlyList<Hook>? hooks, byte[] state)
    {
        for (int i = 0; i < (hooks?.Count ?? 0); i++)
        {
            string? failure = Run(hooks![i], state);
            if (failure is not null) throw new RuntimeError($"/hooks/{kind}/{i}: {failure}");
        }
    }

    /// <summary>Runs the hooks of one kind in order; failures are reported to <paramref name="warn"/> and the rest still run.</summary>
    public static void RunAllWarning(string kind, IReadOnlyList<Hook>? hooks, byte[] state, Action<string> warn)
    {
        for (int i = 0; i < (hooks?.Count ?? 0); i++)
        {
            string? failure = Run(hooks![i], state);
            if (failure is not null) warn($"/hooks/{kind}/{i}: {failure}");
        }
    }

    /// <summary>Returns null on success, or why the hook failed (with the start of what it printed).</summary>
    public static string? Run(Hook hook, byte[] state)
    {
        int* stdinPipe = stackalloc int[2];
        int* outputPipe = stackalloc int[2];
        SysError.Check(Libc.pipe2(stdinPipe, O.CLOEXEC), "pipe2");
        SysError.Check(Libc.pipe2(outputPipe, O.CLOEXEC), "pipe2");
        PidFd process;
        try
        {
            var argv = hook.Args is { Count: > 0 } ? hook.Args : [hook.Path!];
            process = Spawner.Spawn(hook.Path!, argv, hook.Env ?? [],
                [(stdinPipe[0], 0), (outputPipe[1], 1), (outputPipe[1], 2)]);
        }
        catch (SysError e)
        {
            Libc.close(stdinPipe[1]);
            Libc.close(outputPipe[0]);
            return e.Message;
        }
        finally
        {
            Libc.close(stdinPipe[0]);
            Libc.close(outputPipe[1]);
        }

        using (process)
        {
            // The state may exceed a pipe's buffer; a hook that never reads it must not block us.
            int writeEnd = stdinPipe[1];
            var feeder = Task.Run(() =>
            {
                try { Fd.WriteAll(writeEnd, state); }
                catch (SysError) { /* the hook closed stdin without reading it all */ }
                finally { Libc.close(writeEnd); }
            });
            int readEnd = outputPipe[0];
            var output = Task.Run(() => ReadOutput(readEnd));

            int timeoutMs = hook.Timeout is > 0 ? hook.Timeout.Value * 1000 : -1;
            if (!process.WaitExited(timeoutMs))
            {
                process.Signal(Signals.SIGKILL);
                process.WaitForExitCode();
                return $"{hook.Path} timed out after {hook.Timeout} s";
            }
            int status = process.WaitForExitCode();
            feeder.Wait();
            string printed = output.Result;
            if (status == 0) return null;
            string what = status > 128 ? $"was killed by {Signals.Name(status - 128)}" : $"exited with status {status}";
            return printed.Length == 0 ? $"{hook.Path} {what}" : $"{hook.Path} {what}: {printed}";
        }
    }

    private static string ReadOutput(int fd)
    {
        var collected = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = Fd.Read(fd, buffer)) > 0)
                if (collected.Length < OutputLimit) collected.Write(buffer, 0, (int)Math.Min(n, OutputLimit - collected.Length));
        }
        finally
        {
            Libc.close(fd);
        }
        return Encoding.UTF8.GetString(collected.ToArray()).Trim().ReplaceLineEndings(" ");
    }
}
