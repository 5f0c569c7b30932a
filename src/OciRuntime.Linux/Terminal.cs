using System.Runtime.InteropServices;

namespace OciRuntime.Linux;

/// <summary>The caller's own terminal: raw mode for a relay, and its window size.</summary>
public static unsafe partial class Terminal
{
    private const int TCSANOW = 0;
    private const ulong TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414;

    [LibraryImport("libc")] public static partial int isatty(int fd);
    [LibraryImport("libc", SetLastError = true)] private static partial int tcgetattr(int fd, byte* termios);
    [LibraryImport("libc", SetLastError = true)] private static partial int tcsetattr(int fd, int action, byte* termios);
    [LibraryImport("libc")] private static partial void cfmakeraw(byte* termios);
    [LibraryImport("libc", SetLastError = true)] private static partial int ioctl(int fd, ulong request, nint arg);

    /// <summary>glibc's struct termios is 60 bytes on Linux; 64 leaves room.</summary>
    public sealed class SavedMode
    {
        internal readonly byte[] Bytes = new byte[64];
    }

    /// <summary>Puts <paramref name="fd"/> in raw mode and returns what to restore, or null if it isn't a terminal.</summary>
    public static SavedMode? MakeRaw(int fd)
    {
        if (isatty(fd) != 1) return null;
        var saved = new SavedMode();
        byte* raw = stackalloc byte[64];
        fixed (byte* s = saved.Bytes)
        {
            if (tcgetattr(fd, s) < 0) return null;
            Buffer.MemoryCopy(s, raw, 64, 64);
        }
        cfmakeraw(raw);
        SysError.Check(tcsetattr(fd, TCSANOW, raw), "tcsetattr");
        return saved;
    }

    public static void Restore(int fd, SavedMode saved)
    {
        fixed (byte* s = saved.Bytes) tcsetattr(fd, TCSANOW, s);
    }

    /// <summary>Copies the window size of terminal <paramref name="from"/> to <paramref name="to"/>; false if there is none.</summary>
    public static bool CopySize(int from, int to)
    {
        long size; // struct winsize: four unsigned shorts
        return ioctl(from, TIOCGWINSZ, (nint)(&size)) == 0 && ioctl(to, TIOCSWINSZ, (nint)(&size)) == 0;
    }
}
