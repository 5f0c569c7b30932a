using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

/// <summary>A rootless test: real containers made by an unprivileged user, so root must set that user up.</summary>
public sealed class RootlessFactAttribute : FactAttribute
{
    public RootlessFactAttribute() => Skip = RealContainers.WhyNot() ?? RootlessUser.WhyNot();
}

/// <summary>
/// A dedicated unprivileged user (created once, with a subordinate uid/gid range) and a world-readable work
/// directory holding a copy of the binary and of the busybox rootfs: the repository may sit below a directory
/// others can't traverse. Commands run as root drop to the user with setpriv.
/// </summary>
public sealed class RootlessUser : IDisposable
{
    public const string Name = "ocirt-rootless";
    private const string SubordinateRange = "700000-765535";

    public uint Uid { get; }
    public uint Gid { get; }
    public uint SubuidStart { get; }
    public uint SubgidStart { get; }
    public string WorkDir { get; } = Directory.CreateTempSubdirectory("ocirt-rootless-").FullName;
    public string Binary => Path.Combine(WorkDir, "ociruntime");
    public string Rootfs => Path.Combine(WorkDir, "rootfs");
    public string XdgRuntimeDir => Path.Combine(WorkDir, "xdg");
    public string StateRoot => Path.Combine(XdgRuntimeDir, "ociruntime");

    /// <summary>Where the runtime keeps state without XDG_RUNTIME_DIR: /run/user/UID when it exists, else /tmp.</summary>
    public string FallbackStateRoot => Directory.Exists($"/run/user/{Uid}") ? $"/run/user/{Uid}/ociruntime" : $"/tmp/ociruntime-{Uid}";

    public static string? WhyNot()
    {
        if (!File.Exists("/usr/bin/setpriv")) return "needs setpriv (util-linux) to drop to an unprivileged user";
        if (!File.Exists("/usr/bin/newuidmap")) return "needs newuidmap/newgidmap (package uidmap; tests/setup-deps.sh installs it)";
        if (File.Exists("/proc/sys/kernel/unprivileged_userns_clone") && File.ReadAllText("/proc/sys/kernel/unprivileged_userns_clone").Trim() == "0")
            return "unprivileged user namespaces are disabled (kernel.unprivileged_userns_clone=0)";
        return null;
    }

    public RootlessUser()
    {
        if (!File.ReadLines("/etc/passwd").Any(l => l.StartsWith(Name + ":"))) Root("useradd", "-M", "-U", "-s", "/bin/sh", Name);
        if (SubordinateStart("/etc/subuid") is null || SubordinateStart("/etc/subgid") is null)
            Root("usermod", "--add-subuids", SubordinateRange, "--add-subgids", SubordinateRange, Name);
        Uid = uint.Parse(Root("id", "-u", Name).Trim());
        Gid = uint.Parse(Root("id", "-g", Name).Trim());
        SubuidStart = SubordinateStart("/etc/subuid")!.Value;
        SubgidStart = SubordinateStart("/etc/subgid")!.Value;

        Root("chmod", "755", WorkDir);
        Root("cp", RuntimeBinary.Path, Binary);
        Root("chmod", "755", Binary);
        Root("cp", "-a", RuntimeBinary.BusyboxRootfs, Rootfs);
        Root("chmod", "-R", "a+rX", Rootfs);
        Directory.CreateDirectory(XdgRuntimeDir);
        Root("chown", $"{Uid}:{Gid}", XdgRuntimeDir);
        Root("chmod", "700", XdgRuntimeDir);
    }

    /// <summary>A bundle directory the user owns, with the given config (its root.path set to the shared rootfs copy).</summary>
    public string NewBundle(JsonObject? config = null)
    {
        string dir = Directory.CreateDirectory(Path.Combine(WorkDir, $"bundle-{Guid.NewGuid():N}")).FullName;
        if (config is not null)
        {
            config["root"]!["path"] = Rootfs;
            File.WriteAllText(Path.Combine(dir, "config.json"), config.ToJsonString());
        }
        Root("chown", "-R", $"{Uid}:{Gid}", dir);
        Root("chmod", "755", dir);
        return dir;
    }

    /// <summary>Runs the binary as the user with XDG_RUNTIME_DIR set (or unset) and no --root.</summary>
    public CommandResult Run(bool withXdg, params string[] args) => RuntimeBinary.Exec(args, command: AsUser(withXdg));

    public CommandResult Run(params string[] args) => Run(withXdg: true, args);

    /// <summary>As <see cref="Run(string[])"/>, from inside the given cgroups (root moves the process there first).</summary>
    public CommandResult RunInCgroups(IEnumerable<string> cgroupDirs, params string[] args)
    {
        string moves = string.Join(" && ", cgroupDirs.Select(d => $"echo $$ > {d}/cgroup.procs"));
        return RuntimeBinary.Exec(args, command: ["/bin/sh", "-c", $"{moves} && exec \"$@\"", "sh", .. AsUser(withXdg: true)]);
    }

    /// <summary>
    /// Makes a cgroup on every hierarchy owned by the user, as a delegation would, with a child "runtime" to run
    /// the runtime from (cgroup2 moves need write access to the common ancestor). Returns the delegated dirs.
    /// </summary>
    public IReadOnlyList<string> DelegateCgroups(string name)
    {
        string[] hierarchies = File.Exists("/sys/fs/cgroup/cgroup.procs") ? ["/sys/fs/cgroup"]
            : Directory.GetDirectories("/sys/fs/cgroup").Where(h => File.Exists(Path.Combine(h, "cgroup.procs"))).ToArray();
        var delegated = hierarchies.Select(h => Path.Combine(h, name)).ToList();
        foreach (string dir in delegated)
            foreach (string created in new[] { dir, Path.Combine(dir, "runtime") })
            {
                Directory.CreateDirectory(created);
                foreach (string file in new[] { "cpuset.cpus", "cpuset.mems" }.Where(f => File.Exists(Path.Combine(created, f))))
                    File.WriteAllText(Path.Combine(created, file), File.ReadAllText(Path.Combine(Path.GetDirectoryName(created)!, file)));
            }
        foreach (string dir in delegated) Root("chown", "-R", $"{Uid}:{Gid}", dir);
        return delegated;
    }

    public static void RemoveCgroups(IEnumerable<string> delegated)
    {
        foreach (string dir in delegated)
            foreach (string d in new[] { Path.Combine(dir, "runtime"), dir }.Where(Directory.Exists))
                Directory.Delete(d);
    }

    private List<string> AsUser(bool withXdg)
    {
        var command = new List<string> { "/usr/bin/setpriv", "--reuid", Uid.ToString(), "--regid", Gid.ToString(), "--init-groups",
            "/usr/bin/env", "-i", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", $"HOME={WorkDir}" };
        if (withXdg) command.Add($"XDG_RUNTIME_DIR={XdgRuntimeDir}");
        command.Add(Binary);
        return command;
    }

    private uint? SubordinateStart(string file) =>
        File.Exists(file)
            ? File.ReadLines(file).Select(l => l.Split(':')).Where(f => f.Length == 3 && f[0] == Name).Select(f => (uint?)uint.Parse(f[1])).FirstOrDefault()
            : null;

    private static string Root(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd(), error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)}: exit {p.ExitCode}: {error}");
        return output;
    }

    public void Dispose()
    {
        try { Directory.Delete(WorkDir, recursive: true); } catch (IOException) { }
    }
}
