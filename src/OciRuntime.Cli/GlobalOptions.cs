using OciRuntime.Cli.Args;

namespace OciRuntime.Cli;

/// <summary>runc's global flags, given before the verb.</summary>
public sealed record GlobalOptions(string? Root, string? LogPath, string LogFormat, bool Debug, bool SystemdCgroup, string Rootless)
{
    private static readonly HashSet<string> ValueFlags = ["root", "log", "log-format", "rootless", "criu"];
    private static readonly HashSet<string> BoolFlags = ["debug", "systemd-cgroup", "help", "h", "version", "v"];

    public static GlobalOptions Parse(string[] args, out int verbIndex)
    {
        int i = 0;
        var flags = new List<string>();
        while (i < args.Length && args[i].StartsWith('-') && args[i] is not ("--help" or "-h" or "--version" or "-v"))
        {
            string name = args[i].TrimStart('-');
            flags.Add(args[i]);
            if (!name.Contains('=') && ValueFlags.Contains(name))
            {
                if (i + 1 >= args.Length) throw new UsageException($"flag needs an argument: {args[i]}");
                flags.Add(args[++i]);
            }
            i++;
        }
        verbIndex = i;
        var parsed = CommandLine.Parse(flags, ValueFlags, BoolFlags);
        string format = parsed.Get("log-format") ?? "text";
        if (format is not ("text" or "json")) throw new UsageException($"invalid log format: {format} (text or json)");
        string rootless = parsed.Get("rootless") ?? "auto";
        if (!Core.RootlessMode.Values.Contains(rootless)) throw new UsageException($"invalid --rootless value: {rootless} (auto, true or false)");
        return new GlobalOptions(parsed.Get("root"), parsed.Get("log"), format, parsed.Has("debug"),
            parsed.Has("systemd-cgroup"), rootless);
    }

    /// <summary>Whether cgroups are optional (used only where the user may write them), resolved once.</summary>
    public bool IsRootless => _isRootless ??= Core.RootlessMode.Resolve(Rootless);

    private bool? _isRootless;
}
