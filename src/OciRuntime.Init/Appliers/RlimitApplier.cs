using System.Runtime.InteropServices;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init.Appliers;

/// <summary>process.rlimits, set with setrlimit before the uid switch (raising a hard limit needs CAP_SYS_RESOURCE).</summary>
public static unsafe partial class RlimitApplier
{
    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit { public ulong Soft, Hard; }

    [LibraryImport("libc", SetLastError = true)] private static partial int setrlimit(int resource, RLimit* limit);
    [LibraryImport("libc", SetLastError = true)] private static partial int getrlimit(int resource, RLimit* limit);

    /// <summary>RLIMIT_* numbers, the same on every Linux architecture we build for.</summary>
    private static readonly string[] Resources =
    [
        "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK", "RLIMIT_CORE", "RLIMIT_RSS", "RLIMIT_NPROC",
        "RLIMIT_NOFILE", "RLIMIT_MEMLOCK", "RLIMIT_AS", "RLIMIT_LOCKS", "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE",
        "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME",
    ];

    public static void Apply(IReadOnlyList<PosixRlimit>? rlimits)
    {
        for (int i = 0; i < (rlimits?.Count ?? 0); i++)
        {
            var r = rlimits![i];
            int resource = Array.IndexOf(Resources, r.Type);
            var limit = new RLimit { Soft = r.Soft, Hard = r.Hard };
            if (setrlimit(resource, &limit) == 0) continue;
            int errno = Marshal.GetLastPInvokeError();
            RLimit current;
            getrlimit(resource, &current);
            string hint = errno == Linux.Errno.EPERM && r.Hard > current.Hard
                ? $" (the hard limit can't be raised above {current.Hard} without CAP_SYS_RESOURCE)" : "";
            throw new InvalidOperationException($"/process/rlimits/{i}: setrlimit {r.Type} soft {r.Soft} hard {r.Hard}: {Linux.Errno.Describe(errno)}{hint}");
        }
    }
}
