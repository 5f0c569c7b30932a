using OciRuntime.Cli.Args;
using OciRuntime.Core.Lifecycle;

namespace OciRuntime.Cli.Commands;

public static class CreateCommand
{
    internal static readonly HashSet<string> ValueFlags = ["bundle", "b", "console-socket", "pid-file", "preserve-fds", "pidfd-socket"];
    internal static readonly HashSet<string> BoolFlags = ["no-pivot", "no-new-keyring", "rootfs-overlay"];

    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, ValueFlags, BoolFlags);
        RefuseUnsupportedModes(context.Globals);
        new ContainerCreator(context.Root, context.Debug, context.Globals.IsRootless).Create(Options(line));
        return 0;
    }

    /// <summary>Global modes this build can't honour yet are refused before anything is made.</summary>
    internal static void RefuseUnsupportedModes(GlobalOptions globals)
    {
        if (globals.SystemdCgroup)
            throw new UsageException(Directory.Exists("/run/systemd/system")
                ? "--systemd-cgroup: the systemd cgroup driver is not supported yet; leave the flag off to manage cgroups through cgroupfs"
                : "--systemd-cgroup: systemd is not running on this host (no /run/systemd/system); leave the flag off to manage cgroups through cgroupfs");
    }

    internal static CreateOptions Options(CommandLine line) => new(
        Id: SingleId(line, "create"),
        Bundle: line.Get("bundle", "b") ?? Directory.GetCurrentDirectory(),
        PidFile: line.Get("pid-file"),
        ConsoleSocket: line.Get("console-socket"),
        NoPivot: line.Has("no-pivot"),
        NoNewKeyring: line.Has("no-new-keyring"),
        RootfsOverlay: line.Has("rootfs-overlay"),
        PreserveFds: line.GetInt("preserve-fds", 0),
        ListenFds: SocketActivationFds());

    /// <summary>
    /// systemd socket activation, as runc honours it: when LISTEN_PID names us, the LISTEN_FDS descriptors from 3
    /// go to the container, which is told LISTEN_FDS=N and LISTEN_PID=1 (its own init).
    /// </summary>
    private static int SocketActivationFds() =>
        int.TryParse(Environment.GetEnvironmentVariable("LISTEN_PID"), out int pid) && pid == Environment.ProcessId &&
        int.TryParse(Environment.GetEnvironmentVariable("LISTEN_FDS"), out int count) && count > 0 ? count : 0;

    internal static string SingleId(CommandLine line, string verb)
    {
        if (line.Positional.Count != 1)
            throw new UsageException($"\"{verb}\" requires exactly 1 argument(s): the container id");
        return line.Positional[0];
    }
}
