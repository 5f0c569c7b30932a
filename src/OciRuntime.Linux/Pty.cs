using System.Runtime.InteropServices;

namespace OciRuntime.Linux;

/// <summary>Pseudo-terminal calls: a new pair from a devpts instance's ptmx, window size, controlling terminal.</summary>
public static unsafe partial class Pty
{
    private const ulong TIOCSPTLCK = 0x40045431, TIOCGPTPEER = 0x5441, TIOCSWINSZ = 0x5414, TIOCSCTTY = 0x540E, TIOCGPTN = 0x80045430;

    [LibraryImport("libc", SetLastError = true)] private static partial int ioctl(int fd, ulong request, nint arg);

    [StructLayout(LayoutKind.Sequential)]
    private struct WinSize { public ushort Rows, Columns, XPixels, YPixels; }

    /// <summary>
    /// Opens a new master from <paramref name="ptmx"/> and its slave through TIOCGPTPEER (no path lookup, so no
    /// race with a container that swaps /dev/pts entries). Returns both and the slave's name.
    /// </summary>
    public static (int Master, int Slave, string Name) Open(string ptmx)
    {
        int master = SysError.Check(Libc.open(ptmx, O.RDWR | O.NOCTTY | O.CLOEXEC, 0), "open", ptmx);
        int unlock = 0;
        SysError.Check(ioctl(master, TIOCSPTLCK, (nint)(&unlock)), "ioctl(TIOCSPTLCK)", ptmx);
        int number;
        SysError.Check(ioctl(master, TIOCGPTN, (nint)(&number)), "ioctl(TIOCGPTN)", ptmx);
        int slave = SysError.Check(ioctl(master, TIOCGPTPEER, O.RDWR | O.NOCTTY | O.CLOEXEC), "ioctl(TIOCGPTPEER)", ptmx);
        return (master, slave, $"/dev/pts/{number}");
    }

    public static void SetSize(int fd, ushort rows, ushort columns)
    {
        var size = new WinSize { Rows = rows, Columns = columns };
        SysError.Check(ioctl(fd, TIOCSWINSZ, (nint)(&size)), "ioctl(TIOCSWINSZ)");
    }

    /// <summary>Makes <paramref name="fd"/> the controlling terminal of this session (we are its leader).</summary>
    public static void MakeControlling(int fd) => SysError.Check(ioctl(fd, TIOCSCTTY, 0), "ioctl(TIOCSCTTY)");
}
