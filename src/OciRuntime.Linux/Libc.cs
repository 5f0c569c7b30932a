using System.Runtime.InteropServices;

namespace OciRuntime.Linux;

/// <summary>
/// Thin LibraryImport bindings to glibc. Every call preserves errno; use <see cref="Errno.Last"/>
/// or <see cref="SysError.Check(int, string, string?)"/> to turn a -1 into an exception.
/// </summary>
public static unsafe partial class Libc
{
    private const string C = "libc";

    [LibraryImport(C, SetLastError = true)] public static partial int kill(int pid, int sig);
    [LibraryImport(C)] public static partial int getpid();
    [LibraryImport(C)] public static partial uint geteuid();
    [LibraryImport(C)] public static partial uint getegid();
    [LibraryImport(C, SetLastError = true)] public static partial int close(int fd);
    [LibraryImport(C, SetLastError = true)] public static partial nint read(int fd, byte* buf, nint count);
    [LibraryImport(C, SetLastError = true)] public static partial nint write(int fd, byte* buf, nint count);
    [LibraryImport(C, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags, uint mode);
    [LibraryImport(C, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int openat(int dirfd, string path, int flags, uint mode);
    [LibraryImport(C, SetLastError = true)] public static partial int socketpair(int domain, int type, int protocol, int* sv);
    [LibraryImport(C, SetLastError = true)] public static partial int pipe2(int* fds, int flags);
    [LibraryImport(C, SetLastError = true)] public static partial int dup3(int oldfd, int newfd, int flags);
    [LibraryImport(C, SetLastError = true)] public static partial int fcntl(int fd, int cmd, int arg);
    [LibraryImport(C, SetLastError = true)] public static partial int flock(int fd, int operation);
    [LibraryImport(C, SetLastError = true)] public static partial int poll(PollFd* fds, nuint nfds, int timeoutMs);
    [LibraryImport(C, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int access(string path, int mode);
    [LibraryImport(C, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mkfifo(string path, uint mode);
    [LibraryImport(C, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mkdir(string path, uint mode);
    [LibraryImport(C, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mknod(string path, uint mode, ulong dev);
    [LibraryImport(C, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int symlink(string target, string linkPath);
    [LibraryImport(C, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int chown(string path, uint uid, uint gid);
    [LibraryImport(C, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int chmod(string path, uint mode);
    [LibraryImport(C, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int mount(string? source, string target, string? fstype, ulong flags, string? data);
    [LibraryImport(C, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int umount2(string target, int flags);
    [LibraryImport(C, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int chdir(string path);
    [LibraryImport(C, SetLastError = true)] public static partial int fchdir(int fd);
    [LibraryImport(C, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int chroot(string path);
    [LibraryImport(C, SetLastError = true)] public static partial int sethostname(byte* name, nuint len);
    [LibraryImport(C, SetLastError = true)] public static partial int setdomainname(byte* name, nuint len);
    [LibraryImport(C, SetLastError = true)] public static partial int setresuid(uint r, uint e, uint s);
    [LibraryImport(C, SetLastError = true)] public static partial int setresgid(uint r, uint e, uint s);
    [LibraryImport(C, SetLastError = true)] public static partial int setgroups(nuint size, uint* list);
    [LibraryImport(C)] public static partial uint umask(uint mask);
    [LibraryImport(C, SetLastError = true)] public static partial int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);
    [LibraryImport(C, SetLastError = true)] public static partial int execve(byte* path, byte** argv, byte** envp);
    [LibraryImport(C, SetLastError = true)] public static partial int waitid(int idtype, uint id, SigInfo* info, int options);
    [LibraryImport(C, SetLastError = true)] public static partial nint syscall(nint number, nint a1, nint a2, nint a3, nint a4, nint a5);

    [LibraryImport(C, SetLastError = true)]
    public static partial int posix_spawn(int* pid, byte* path, void* fileActions, void* attr, byte** argv, byte** envp);
    [LibraryImport(C)] public static partial int posix_spawn_file_actions_init(void* fa);
    [LibraryImport(C)] public static partial int posix_spawn_file_actions_destroy(void* fa);
    [LibraryImport(C)] public static partial int posix_spawn_file_actions_adddup2(void* fa, int fd, int newfd);
    [LibraryImport(C)] public static partial int posix_spawnattr_init(void* attr);
    [LibraryImport(C)] public static partial int posix_spawnattr_destroy(void* attr);
    [LibraryImport(C)] public static partial int posix_spawnattr_setflags(void* attr, short flags);
    [LibraryImport(C)] public static partial int posix_spawnattr_setsigmask(void* attr, ulong* sigmask);
    [LibraryImport(C)] public static partial int posix_spawnattr_setsigdefault(void* attr, ulong* sigmask);
}

[StructLayout(LayoutKind.Sequential)]
public struct PollFd
{
    public int Fd;
    public short Events;
    public short Revents;
}

/// <summary>siginfo_t is 128 bytes; waitid fills si_pid at 16, si_status at 24, si_code at 8.</summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
public struct SigInfo
{
    [FieldOffset(0)] public int Signo;
    [FieldOffset(8)] public int Code;
    [FieldOffset(16)] public int Pid;
    [FieldOffset(24)] public int Status;
}
