using System.Runtime.InteropServices;

namespace OciRuntime.Linux;

public static class Errno
{
    public const int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, EBADF = 9, ECHILD = 10, EAGAIN = 11,
        EACCES = 13, EFAULT = 14, EBUSY = 16, EEXIST = 17, ENODEV = 19, ENOTDIR = 20, EINVAL = 22, ENOSPC = 28, EPIPE = 32, ENOSYS = 38, ELOOP = 40;

    public static int Last => Marshal.GetLastPInvokeError();

    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);
}

/// <summary>A failed system call: names the call, the object it acted on and the kernel's reason.</summary>
public sealed class SysError : Exception
{
    public int Errno { get; }
    public string Call { get; }
    public string? Target { get; }

    public SysError(string call, string? target, int errno)
        : base(target is null ? $"{call}: {Linux.Errno.Describe(errno)}" : $"{call} {target}: {Linux.Errno.Describe(errno)}")
    {
        Call = call;
        Target = target;
        Errno = errno;
    }

    public static int Check(int result, string call, string? target = null)
    {
        if (result < 0) throw new SysError(call, target, Linux.Errno.Last);
        return result;
    }

    /// <summary>Retries a call interrupted by a signal.</summary>
    public static int CheckRetry(Func<int> op, string call, string? target = null)
    {
        while (true)
        {
            int r = op();
            if (r >= 0) return r;
            int e = Linux.Errno.Last;
            if (e != Linux.Errno.EINTR) throw new SysError(call, target, e);
        }
    }
}
