using OciRuntime.Linux;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init.Appliers;

/// <summary>
/// The user process's identity and environment: umask, groups, gid, uid, working directory, no_new_privs and the
/// seccomp filter, then execve. Runs on the thread that will call execve (capabilities, no_new_privs and seccomp
/// are per-thread).
/// </summary>
public sealed unsafe class ProcessApplier(Process process, SeccompApplier? seccomp = null)
{
    private readonly IReadOnlyList<string> _env = process.Env ?? [];

    public void Apply()
    {
        RlimitApplier.Apply(process.Rlimits);
        bool noNewPrivileges = process.NoNewPrivileges == true;
        // Without no_new_privs loading a filter needs CAP_SYS_ADMIN: load it while we still hold every capability.
        if (!noNewPrivileges) seccomp?.Apply();
        var capabilities = new CapabilityApplier(process.Capabilities);
        capabilities.BeforeUserSwitch();
        var user = process.User;
        Libc.umask(user?.Umask ?? 0b000_010_010 /* 0022 */);
        uint uid = user?.Uid ?? 0, gid = user?.Gid ?? 0;
        uint[] groups = user?.AdditionalGids?.ToArray() ?? [];
        if (!SetgroupsDenied())
            fixed (uint* g = groups)
                Check(Libc.setgroups((nuint)groups.Length, g), "/process/user/additionalGids", "setgroups");
        else if (groups.Length > 0)
            throw new InvalidOperationException("/process/user/additionalGids: setgroups is denied in this user namespace " +
                "(an unprivileged gid mapping); map gids through newgidmap to set additional groups");
        Check(Libc.setresgid(gid, gid, gid), "/process/user/gid", $"setresgid({gid})");
        Check(Libc.setresuid(uid, uid, uid), "/process/user/uid", $"setresuid({uid})");
        capabilities.AfterUserSwitch();

        // After pivot_root "/" is the container's root, so a relative climb can't leave it.
        string cwd = string.IsNullOrEmpty(process.Cwd) ? "/" : process.Cwd;
        Check(Libc.chdir(cwd), "/process/cwd", $"chdir {cwd}");
        RefuseCwdOutsideRoot(cwd);

        if (noNewPrivileges)
        {
            Check(Libc.prctl(Pr.SET_NO_NEW_PRIVS, 1, 0, 0, 0), "/process/noNewPrivileges", "prctl(PR_SET_NO_NEW_PRIVS)");
            // As late as the listener hand-over allows, so the fewest of our own syscalls run under the user's filter.
            seccomp?.Apply();
        }
    }

    /// <summary>
    /// CVE-2024-21626: a cwd such as /proc/self/fd/N that reaches a descriptor opened before pivot_root would leave
    /// the process outside the container. The kernel then reports the cwd as unreachable from "/", and glibc's
    /// getcwd fails with ENOENT.
    /// </summary>
    private static void RefuseCwdOutsideRoot(string cwd)
    {
        try { _ = Directory.GetCurrentDirectory(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"/process/cwd: {cwd} is outside the container's root filesystem");
        }
    }

    /// <summary>A rootless single-gid mapping denies setgroups for good; there is no group list to clear then.</summary>
    private static bool SetgroupsDenied()
    {
        try { return File.ReadAllText("/proc/self/setgroups").Trim() == "deny"; }
        catch (IOException) { return false; }
    }

    private static void Check(int result, string field, string call)
    {
        if (result < 0) throw new InvalidOperationException($"{field}: {call}: {Errno.Describe(Errno.Last)}");
    }

    /// <summary>Finds args[0] as execvp would, using PATH from the container's environment.</summary>
    public string ResolveExecutable()
    {
        string name = process.Args![0];
        if (name.Contains('/')) return CheckExecutable(name) ? name : throw NotFound(name, "no such file or not executable");
        string path = _env.Where(e => e.StartsWith("PATH=", StringComparison.Ordinal)).Select(e => e[5..]).LastOrDefault()
            ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        foreach (string dir in path.Split(':'))
        {
            string candidate = Path.Combine(dir.Length == 0 ? "." : dir, name);
            if (CheckExecutable(candidate)) return candidate;
        }
        throw NotFound(name, "executable file not found in $PATH");
    }

    private static bool CheckExecutable(string path)
    {
        const int X_OK = 1;
        return File.Exists(path) && Access(path, X_OK);
    }

    private static bool Access(string path, int mode) => Libc.access(path, mode) == 0;

    private static Exception NotFound(string name, string why) =>
        new InvalidOperationException($"/process/args/0: exec: \"{name}\": {why}");

    public void Exec(string executable)
    {
        using var s = new NativeStrings();
        Libc.execve(s.Add(executable), s.AddArray(process.Args!), s.AddArray(_env));
        throw new InvalidOperationException($"/process/args/0: exec {executable}: {Errno.Describe(Errno.Last)}");
    }
}
