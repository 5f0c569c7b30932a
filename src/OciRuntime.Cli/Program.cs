using Microsoft.Extensions.Logging;
using OciRuntime.Cli.Args;
using OciRuntime.Cli.Commands;
using OciRuntime.Core;
using OciRuntime.Init;

namespace OciRuntime.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // The C stage already ran (see native/nsstage.c); the managed init takes over from here.
        if (args.Length == 1 && args[0] == "init") return InitEntry.Run();

        GlobalOptions globals;
        try
        {
            globals = GlobalOptions.Parse(args, out int verbIndex);
            if (verbIndex >= args.Length) return Help.Print(Console.Out);
            return Dispatch(args[verbIndex], args[(verbIndex + 1)..], globals);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"ociruntime: {e.Message}");
            return 1;
        }
    }

    private static int Dispatch(string verb, string[] rest, GlobalOptions globals)
    {
        var context = new CommandContext(globals);
        try
        {
            return verb switch
            {
                "create" => CreateCommand.Run(context, rest),
                "start" => StartCommand.Run(context, rest),
                "state" => StateCommand.Run(context, rest),
                "kill" => KillCommand.Run(context, rest),
                "delete" => DeleteCommand.Run(context, rest),
                "run" => RunCommand.Run(context, rest),
                "exec" => ExecCommand.Run(context, rest),
                "pause" => PauseCommand.Run(context, rest),
                "ps" => PsCommand.Run(context, rest),
                "update" => UpdateCommand.Run(context, rest),
                "events" => EventsCommand.Run(context, rest),
                "resume" => ResumeCommand.Run(context, rest),
                "list" => ListCommand.Run(context, rest),
                "spec" => SpecCommand.Run(context, rest),
                "features" => FeaturesCommand.Run(context, rest),
                "network" => NetworkCommand.Run(context, rest),
                "help" or "--help" or "-h" => Help.Print(Console.Out),
                "--version" or "-v" or "version" => Help.PrintVersion(Console.Out),
                _ => throw new UsageException($"no such command: {verb}"),
            };
        }
        catch (UsageException e)
        {
            return context.Fail(e.Message, 1);
        }
        catch (RuntimeError e)
        {
            return context.Fail(e.Message, e.ExitCode);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Linux.SysError)
        {
            return context.Fail(e.Message, 1);
        }
    }
}

/// <summary>What every command gets: global options and the logger they configure.</summary>
public sealed class CommandContext(GlobalOptions globals)
{
    public GlobalOptions Globals { get; } = globals;
    public Logging.RuntimeLogger Logger { get; } = new(globals.LogPath, globals.LogFormat == "json",
        globals.Debug ? LogLevel.Debug : LogLevel.Information);
    /// <summary>Resolved on first use: a non-root user's default may have to be made under /tmp.</summary>
    public Core.State.StateRoot Root => _root ??= new(Globals.Root ?? Core.State.StateRoot.DefaultFor(Linux.Libc.geteuid()));

    private Core.State.StateRoot? _root;

    /// <summary>A debug-level sink for stage timings, or null when --debug is off (so nothing is formatted).</summary>
    public Action<string>? Debug => Globals.Debug ? message => Logger.LogDebug("{Message}", message) : null;

    /// <summary>Warnings (a failed poststart or poststop hook) go to the log, as runc's do.</summary>
    public Action<string> Warn => message => Logger.LogWarning("{Message}", message);

    /// <summary>Reports an error as runc does: a log line (containerd reads it), and the message on stderr.</summary>
    public int Fail(string message, int exitCode)
    {
        Logger.LogError("{Message}", message);
        if (Logger.WritesToFile) Console.Error.WriteLine(message);
        return exitCode;
    }
}
