using OciRuntime.Linux;

namespace OciRuntime.Init.Appliers;

/// <summary>
/// Blocks until `start`: opening the FIFO for writing waits for a reader, and `start` is that reader.
/// The parent passed an O_PATH handle; reopening it through /proc/self/fd works after pivot_root.
/// The write end stays open, close-on-exec, so `start` sees end-of-file exactly when execve replaced us
/// (or we died): that is when poststart hooks may run.
/// </summary>
public static class ExecFifo
{
    public static void WaitForStart(int pathFd)
    {
        string path = $"/proc/self/fd/{pathFd}";
        int fd = SysError.CheckRetry(() => Libc.open(path, O.WRONLY | O.CLOEXEC, 0), "open exec fifo", path);
        Fd.WriteAll(fd, "0"u8);
        Libc.close(pathFd);
    }
}
