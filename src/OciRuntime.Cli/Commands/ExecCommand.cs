using System.Text.Json.Nodes;
using OciRuntime.Cli.Args;
using OciRuntime.Core;
using OciRuntime.Core.Lifecycle;
using OciRuntime.Linux;

namespace OciRuntime.Cli.Commands;

/// <summary>exec [flags] ID COMMAND [ARGS...] or exec --process FILE ID: flags come before the id, as in runc.</summary>
public static class ExecCommand
{
    private static readonly HashSet<string> ValueFlags =
        ["process", "p", "console-socket", "cwd", "env", "e", "user", "u", "additional-gids", "g", "pid-file",
         "preserve-fds", "cap", "c", "process-label", "apparmor", "cgroup", "pidfd-socket"];
    private static readonly HashSet<string> BoolFlags = ["tty", "t", "detach", "d", "no-new-privs", "ignore-paused", "no-subreaper"];

    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, ValueFlags, BoolFlags, stopAtFirstPositional: true);
        if (line.Positional.Count < 1) throw new UsageException("\"exec\" requires at least 1 argument(s): the container id");
        string id = line.Positional[0];
        string? processFile = line.Get("process", "p");
        var command = line.Positional.Skip(1).ToList();
        if (line.Get("cgroup") is { } subCgroup)
            throw new UsageException($"--cgroup {subCgroup}: running exec in a sub-cgroup is not supported yet");
        if (processFile is null && command.Count == 0) throw new UsageException("exec: a command to run, or --process FILE, is required");

        var options = new ExecOptions(
            Id: id,
            Process: processFile is null ? null : ReadProcess(processFile),
            Args: command,
            Env: line.GetAll("env", "e"),
            Cwd: line.Get("cwd"),
            User: line.Get("user", "u"),
            AdditionalGids: line.GetAll("additional-gids", "g").Select(g => uint.TryParse(g, out uint v) ? v
                : throw new UsageException($"--additional-gids {g}: not a number")).ToList(),
            AddCapabilities: line.GetAll("cap", "c"),
            NoNewPrivileges: line.Has("no-new-privs"),
            Tty: line.Has("tty", "t"),
            PidFile: line.Get("pid-file"),
            ConsoleSocket: line.Get("console-socket"),
            PreserveFds: line.GetInt("preserve-fds", 0));

        bool detach = line.Has("detach", "d");
        if (detach)
        {
            using var detached = new ContainerExecutor(context.Root, context.Debug).Exec(options);
            return 0;
        }
        ForegroundProcess.BecomeSubreaper();
        // A foreground --tty without --console-socket: we receive the terminal and relay it, as run does.
        PidFd process;
        TerminalRelay? relay;
        using (var console = options.Tty && options.ConsoleSocket is null ? ForegroundConsole.Create() : null)
        {
            process = new ContainerExecutor(context.Root, context.Debug).Exec(options with { ConsoleSocketFd = console?.InitEnd ?? -1 });
            relay = console?.StartRelay();
        }
        using (process)
        using (relay)
        {
            int status = ForegroundProcess.Wait(process);
            relay?.Drain();
            return status;
        }
    }

    private static JsonObject ReadProcess(string path)
    {
        string text = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
        return JsonNode.Parse(text) as JsonObject ?? throw new RuntimeError($"--process {path}: expected a JSON object");
    }
}
