using System.Runtime.InteropServices;

namespace OciRuntime.Linux;

/// <summary>
/// capget/capset with the v3 header (two 32-bit words per set, so all 64 capability bits) and the prctl
/// calls for the bounding and ambient sets. Every one of these acts on the calling thread only.
/// </summary>
public static unsafe partial class Capabilities
{
    private const uint Version3 = 0x20080522;
    private const int PR_CAPBSET_READ = 23, PR_CAPBSET_DROP = 24, PR_SET_KEEPCAPS = 8,
        PR_CAP_AMBIENT = 47, PR_CAP_AMBIENT_RAISE = 2, PR_CAP_AMBIENT_CLEAR_ALL = 4;

    [StructLayout(LayoutKind.Sequential)]
    private struct Header { public uint Version; public int Pid; }

    [StructLayout(LayoutKind.Sequential)]
    private struct Data { public uint Effective, Permitted, Inheritable; }

    [LibraryImport("libc", SetLastError = true)] private static partial int capset(Header* header, Data* data);

    /// <summary>The highest capability this kernel knows (/proc/sys/kernel/cap_last_cap).</summary>
    public static int LastCap()
    {
        string text = File.ReadAllText("/proc/sys/kernel/cap_last_cap").Trim();
        return int.Parse(text);
    }

    public static void DropFromBounding(int cap)
    {
        if (Libc.prctl(PR_CAPBSET_DROP, (ulong)cap, 0, 0, 0) < 0) throw new SysError("prctl(PR_CAPBSET_DROP)", $"capability {cap}", Errno.Last);
    }

    public static bool InBounding(int cap) => Libc.prctl(PR_CAPBSET_READ, (ulong)cap, 0, 0, 0) == 1;

    public static void KeepCapsAcrossSetuid(bool keep)
    {
        if (Libc.prctl(PR_SET_KEEPCAPS, keep ? 1UL : 0, 0, 0, 0) < 0) throw new SysError("prctl(PR_SET_KEEPCAPS)", null, Errno.Last);
    }

    public static void Set(ulong effective, ulong permitted, ulong inheritable)
    {
        var header = new Header { Version = Version3, Pid = 0 };
        Data* data = stackalloc Data[2];
        data[0] = new Data { Effective = (uint)effective, Permitted = (uint)permitted, Inheritable = (uint)inheritable };
        data[1] = new Data { Effective = (uint)(effective >> 32), Permitted = (uint)(permitted >> 32), Inheritable = (uint)(inheritable >> 32) };
        if (capset(&header, data) < 0) throw new SysError("capset", null, Errno.Last);
    }

    public static void SetAmbient(IEnumerable<int> caps)
    {
        if (Libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0) throw new SysError("prctl(PR_CAP_AMBIENT_CLEAR_ALL)", null, Errno.Last);
        // The kernel refuses (EPERM) an ambient capability that isn't also inheritable. runc's own `runc spec`
        // asks for exactly that, and runc skips such capabilities, so they are skipped here too.
        foreach (int cap in caps)
            if (Libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, (ulong)cap, 0, 0) < 0 && Errno.Last != Errno.EPERM)
                throw new SysError("prctl(PR_CAP_AMBIENT_RAISE)", $"capability {cap}", Errno.Last);
    }
}
