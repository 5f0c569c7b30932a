using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

/// <summary>
/// Seccomp profiles for the tests, of our own making. <see cref="DefaultLike"/> has the shape of the default
/// profiles container engines ship (Docker's, Podman's): deny by default with EPERM, a long allow-list, argument
/// conditions on personality and clone, several architectures, and names this libseccomp may not know.
/// </summary>
public static class SeccompProfiles
{
    public static readonly string[] AllowList = Split("""
        accept accept4 access adjtimex alarm bind brk cachestat capget capset chdir chmod chown chown32
        clock_adjtime clock_adjtime64 clock_getres clock_getres_time64 clock_gettime clock_gettime64
        clock_nanosleep clock_nanosleep_time64 close close_range connect copy_file_range creat dup dup2 dup3
        epoll_create epoll_create1 epoll_ctl epoll_ctl_old epoll_pwait epoll_pwait2 epoll_wait epoll_wait_old
        eventfd eventfd2 execve execveat exit exit_group faccessat faccessat2 fadvise64 fadvise64_64 fallocate
        fanotify_mark fchdir fchmod fchmodat fchmodat2 fchown fchown32 fchownat fcntl fcntl64 fdatasync
        fgetxattr flistxattr flock fork fremovexattr fsetxattr fstat fstat64 fstatat64 fstatfs fstatfs64 fsync
        ftruncate ftruncate64 futex futex_requeue futex_time64 futex_wait futex_waitv futex_wake futimesat
        getcpu getcwd getdents getdents64 getegid getegid32 geteuid geteuid32 getgid getgid32 getgroups
        getgroups32 getitimer getpeername getpgid getpgrp getpid getppid getpriority getrandom getresgid
        getresgid32 getresuid getresuid32 getrlimit get_robust_list getrusage getsid getsockname getsockopt
        get_thread_area gettid gettimeofday getuid getuid32 getxattr inotify_add_watch inotify_init
        inotify_init1 inotify_rm_watch io_cancel ioctl io_destroy io_getevents io_pgetevents
        io_pgetevents_time64 ioprio_get ioprio_set io_setup io_submit io_uring_enter io_uring_register
        io_uring_setup ipc kill landlock_add_rule landlock_create_ruleset landlock_restrict_self lchown
        lchown32 lgetxattr link linkat listen listxattr llistxattr _llseek lremovexattr lseek lsetxattr lstat
        lstat64 madvise map_shadow_stack membarrier memfd_create memfd_secret mincore mkdir mkdirat mknod
        mknodat mlock mlock2 mlockall mmap mmap2 mprotect mq_getsetattr mq_notify mq_open mq_timedreceive
        mq_timedreceive_time64 mq_timedsend mq_timedsend_time64 mq_unlink mremap msgctl msgget msgrcv msgsnd
        msync munlock munlockall munmap name_to_handle_at nanosleep newfstatat _newselect open openat openat2
        pause pidfd_open pidfd_send_signal pipe pipe2 pkey_alloc pkey_free pkey_mprotect poll ppoll
        ppoll_time64 prctl pread64 preadv preadv2 prlimit64 process_mrelease pselect6 pselect6_time64 pwrite64
        pwritev pwritev2 read readahead readlink readlinkat readv recv recvfrom recvmmsg recvmmsg_time64
        recvmsg remap_file_pages removexattr rename renameat renameat2 restart_syscall rmdir rseq rt_sigaction
        rt_sigpending rt_sigprocmask rt_sigqueueinfo rt_sigreturn rt_sigsuspend rt_sigtimedwait
        rt_sigtimedwait_time64 rt_tgsigqueueinfo sched_getaffinity sched_getattr sched_getparam
        sched_get_priority_max sched_get_priority_min sched_getscheduler sched_rr_get_interval
        sched_rr_get_interval_time64 sched_setaffinity sched_setattr sched_setparam sched_setscheduler
        sched_yield seccomp select semctl semget semop semtimedop semtimedop_time64 send sendfile sendfile64
        sendmmsg sendmsg sendto setfsgid setfsgid32 setfsuid setfsuid32 setgid setgid32 setgroups setgroups32
        setitimer setpgid setpriority setregid setregid32 setresgid setresgid32 setresuid setresuid32 setreuid
        setreuid32 setrlimit set_robust_list setsid setsockopt set_thread_area set_tid_address setuid setuid32
        setxattr shmat shmctl shmdt shmget shutdown sigaltstack signalfd signalfd4 sigprocmask sigreturn
        socketcall socketpair splice stat stat64 statfs statfs64 statx symlink symlinkat sync sync_file_range
        syncfs sysinfo tee tgkill time timer_create timer_delete timer_getoverrun timer_gettime
        timer_gettime64 timer_settime timer_settime64 timerfd_create timerfd_gettime timerfd_gettime64
        timerfd_settime timerfd_settime64 times tkill truncate truncate64 ugetrlimit umask uname unlink
        unlinkat utime utimensat utimensat_time64 utimes vfork vmsplice wait4 waitid waitpid write writev
        arch_prctl modify_ldt clone clone3 chroot personality socket
        """);

    /// <summary>The x86_64 syscalls of <see cref="AllowList"/> numbered below utimensat (280): enough for busybox sh.</summary>
    public static readonly string[] OlderThanUtimensat = Split("""
        accept access adjtimex alarm bind brk capget capset chdir chmod chown clock_getres clock_gettime
        clock_nanosleep close connect creat dup dup2 epoll_create epoll_ctl epoll_ctl_old epoll_wait
        epoll_wait_old execve exit exit_group faccessat fadvise64 fchdir fchmod fchmodat fchown fchownat fcntl
        fdatasync fgetxattr flistxattr flock fork fremovexattr fsetxattr fstat fstatfs fsync ftruncate futex
        futimesat getcwd getdents getdents64 getegid geteuid getgid getgroups getitimer getpeername getpgid
        getpgrp getpid getppid getpriority getresgid getresuid getrlimit get_robust_list getrusage getsid
        getsockname getsockopt get_thread_area gettid gettimeofday getuid getxattr inotify_add_watch
        inotify_init inotify_rm_watch io_cancel ioctl io_destroy io_getevents ioprio_get ioprio_set io_setup
        io_submit kill lchown lgetxattr link linkat listen listxattr llistxattr lremovexattr lseek lsetxattr
        lstat madvise mincore mkdir mkdirat mknod mknodat mlock mlockall mmap mprotect mq_getsetattr mq_notify
        mq_open mq_timedreceive mq_timedsend mq_unlink mremap msgctl msgget msgrcv msgsnd msync munlock
        munlockall munmap nanosleep newfstatat open openat pause pipe poll ppoll prctl pread64 pselect6
        pwrite64 read readahead readlink readlinkat readv recvfrom recvmsg remap_file_pages removexattr rename
        renameat restart_syscall rmdir rt_sigaction rt_sigpending rt_sigprocmask rt_sigqueueinfo rt_sigreturn
        rt_sigsuspend rt_sigtimedwait sched_getaffinity sched_getparam sched_get_priority_max
        sched_get_priority_min sched_getscheduler sched_rr_get_interval sched_setaffinity sched_setparam
        sched_setscheduler sched_yield select semctl semget semop semtimedop sendfile sendmsg sendto setfsgid
        setfsuid setgid setgroups setitimer setpgid setpriority setregid setresgid setresuid setreuid
        setrlimit set_robust_list setsid setsockopt set_thread_area set_tid_address setuid setxattr shmat
        shmctl shmdt shmget shutdown sigaltstack socketpair splice stat statfs symlink symlinkat sync
        sync_file_range sysinfo tee tgkill time timer_create timer_delete timer_getoverrun timer_gettime
        timer_settime times tkill truncate umask uname unlink unlinkat utime utimes vfork vmsplice wait4
        waitid write writev arch_prctl modify_ldt clone chroot personality socket
        """);

    private static string[] Split(string text) => text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    public static JsonArray Names(params string[] names) => new(names.Select(n => (JsonNode)n!).ToArray());

    public static JsonObject Rule(string action, params string[] names) => new() { ["names"] = Names(names), ["action"] = action };

    public static JsonObject DefaultLike()
    {
        var allowed = AllowList.Where(n => n is not ("personality" or "clone" or "clone3")).ToArray();
        return new JsonObject
        {
            ["defaultAction"] = "SCMP_ACT_ERRNO",
            ["defaultErrnoRet"] = 1,
            ["architectures"] = Names("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"),
            ["syscalls"] = new JsonArray(
                Rule("SCMP_ACT_ALLOW", [.. allowed, "a_syscall_from_the_future"]),
                Conditional("personality", "SCMP_ACT_ALLOW", (0, 0x0, "SCMP_CMP_EQ")),
                Conditional("personality", "SCMP_ACT_ALLOW", (0, 0x8, "SCMP_CMP_EQ")),
                Conditional("personality", "SCMP_ACT_ALLOW", (0, 0xffffffff, "SCMP_CMP_EQ")),
                // Docker's: clone without any namespace flag (CLONE_NEWNS|..|CLONE_NEWCGROUP masked to 0).
                new JsonObject
                {
                    ["names"] = Names("clone"), ["action"] = "SCMP_ACT_ALLOW",
                    ["args"] = new JsonArray(new JsonObject { ["index"] = 0, ["value"] = 2114060288, ["valueTwo"] = 0, ["op"] = "SCMP_CMP_MASKED_EQ" }),
                },
                new JsonObject { ["names"] = Names("clone3"), ["action"] = "SCMP_ACT_ERRNO", ["errnoRet"] = 38 },
                Rule("SCMP_ACT_ERRNO", "reboot", "kexec_load", "open_by_handle_at", "bpf", "mount", "umount2")),
        };
    }

    public static JsonObject Conditional(string name, string action, params (int Index, ulong Value, string Op)[] args) => new()
    {
        ["names"] = Names(name),
        ["action"] = action,
        ["args"] = new JsonArray(args.Select(a => (JsonNode)new JsonObject { ["index"] = a.Index, ["value"] = a.Value, ["op"] = a.Op }).ToArray()),
    };
}
