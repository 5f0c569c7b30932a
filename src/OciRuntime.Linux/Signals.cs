namespace OciRuntime.Linux;

/// <summary>Signal names and numbers as kill(1) and runc accept them: "KILL", "SIGKILL", "9", "RTMIN+3".</summary>
public static class Signals
{
    public const int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGKILL = 9, SIGUSR1 = 10, SIGUSR2 = 12, SIGPIPE = 13,
        SIGALRM = 14, SIGTERM = 15, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20, SIGWINCH = 28;
    public const int SIGRTMIN = 34, SIGRTMAX = 64;

    private static readonly string[] Names =
    {
        "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM",
        "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF",
        "WINCH", "IO", "PWR", "SYS",
    };

    public static bool TryParse(string text, out int signal)
    {
        signal = 0;
        if (string.IsNullOrEmpty(text)) return false;
        if (int.TryParse(text, out signal)) return signal > 0 && signal <= SIGRTMAX;
        string name = text.ToUpperInvariant();
        if (name.StartsWith("SIG", StringComparison.Ordinal)) name = name[3..];
        if (name is "IOT") { signal = 6; return true; }
        if (name is "POLL") { signal = 29; return true; }
        if (name is "CLD") { signal = SIGCHLD; return true; }
        int index = Array.IndexOf(Names, name);
        if (index > 0) { signal = index; return true; }
        return TryParseRealtime(name, out signal);
    }

    private static bool TryParseRealtime(string name, out int signal)
    {
        signal = 0;
        if (name == "RTMIN") { signal = SIGRTMIN; return true; }
        if (name == "RTMAX") { signal = SIGRTMAX; return true; }
        if (name.StartsWith("RTMIN+", StringComparison.Ordinal) && int.TryParse(name[6..], out int plus))
            signal = SIGRTMIN + plus;
        else if (name.StartsWith("RTMAX-", StringComparison.Ordinal) && int.TryParse(name[6..], out int minus))
            signal = SIGRTMAX - minus;
        return signal >= SIGRTMIN && signal <= SIGRTMAX;
    }

    public static string Name(int signal) =>
        signal > 0 && signal < Names.Length ? "SIG" + Names[signal] : signal >= SIGRTMIN && signal <= SIGRTMAX ? $"SIGRTMIN+{signal - SIGRTMIN}" : signal.ToString();
}
