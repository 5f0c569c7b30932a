using System.Text;
using OciRuntime.Cli.Args;
using OciRuntime.Core;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Core.State;
using OciRuntime.Linux;

namespace OciRuntime.Cli.Commands;

/// <summary>
/// ps [--format table|json] ID [ps options]: json is the array of host pids in the container's cgroup (what
/// containerd reads); table runs the host's ps(1) (default -ef) and keeps its header and the container's rows.
/// </summary>
public static unsafe class PsCommand
{
    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, ["format", "f"], [], stopAtFirstPositional: true);
        if (line.Positional.Count < 1) throw new UsageException("\"ps\" requires at least 1 argument(s): the container id");
        string format = line.Get("format", "f") ?? "table";
        if (format is not ("table" or "json")) throw new UsageException($"invalid format option: {format}");

        IReadOnlyList<int> pids;
        using (var container = Container.Load(context.Root, line.Positional[0], exclusive: false))
            pids = container.Cgroup()?.GetPids()
                ?? (container.Status is ContainerStatus.Stopped ? [] : ProcFs.InSamePidNamespace(container.State.InitPid));
        if (format == "json")
        {
            Console.Out.WriteLine("[" + string.Join(",", pids) + "]");
            return 0;
        }
        var psArgs = line.Positional.Count > 1 ? line.Positional.Skip(1).ToList() : ["-ef"];
        Console.Out.Write(FilterRows(RunPs(psArgs), pids.ToHashSet()));
        return 0;
    }

    /// <summary>Keeps the header and the rows whose PID column names a container process.</summary>
    public static string FilterRows(string psOutput, HashSet<int> pids)
    {
        var lines = psOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0) return "";
        int pidColumn = Array.IndexOf(lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries), "PID");
        if (pidColumn < 0) throw new RuntimeError("ps: couldn't find the PID column in ps's output");
        var kept = new StringBuilder(lines[0]).Append('\n');
        foreach (string row in lines.Skip(1))
        {
            string[] fields = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > pidColumn && int.TryParse(fields[pidColumn], out int pid) && pids.Contains(pid))
                kept.Append(row).Append('\n');
        }
        return kept.ToString();
    }

    private static string RunPs(IReadOnlyList<string> psArgs)
    {
        int* pipe = stackalloc int[2];
        SysError.Check(Libc.pipe2(pipe, O.CLOEXEC), "pipe2");
        PidFd ps;
        try
        {
            string path = new[] { "/usr/bin/ps", "/bin/ps" }.FirstOrDefault(File.Exists) ?? throw new RuntimeError("ps: ps(1) not found");
            ps = Spawner.Spawn(path, ["ps", .. psArgs], ["PATH=/usr/bin:/bin", "LC_ALL=C"], [(pipe[1], 1)]);
        }
        finally
        {
            Libc.close(pipe[1]);
        }
        var output = new MemoryStream();
        var buffer = new byte[8192];
        int n;
        while ((n = Fd.Read(pipe[0], buffer)) > 0) output.Write(buffer, 0, n);
        Libc.close(pipe[0]);
        using (ps)
        {
            int status = ps.WaitForExitCode();
            if (status != 0) throw new RuntimeError($"ps {string.Join(' ', psArgs)} exited with status {status}");
        }
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
