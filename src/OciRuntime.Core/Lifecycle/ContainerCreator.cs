using OciRuntime.Cgroups;
using OciRuntime.Core.Launch;
using OciRuntime.Core.Seccomp;
using OciRuntime.Core.State;
using OciRuntime.Linux;
using System.Text;
using OciRuntime.Spec;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// `create`: validate the bundle, claim the id, build the cgroup, launch init and record the container.
/// If anything fails, everything made so far is undone: no state dir, cgroup or process is left behind.
/// </summary>
public sealed class ContainerCreator(StateRoot root, Action<string>? debug = null, bool rootless = false)
{
    public RuntimeState Create(CreateOptions options)
    {
        var clock = new StageClock("create", debug);
        StateRoot.ValidateId(options.Id);
        LoadedSpec loaded = LoadSpec(options.Bundle);
        clock.Mark("config loaded and validated");
        var spec = loaded.Spec;
        FeatureGate.Check(spec);
        LsmSupport.Check(spec.Process);
        SysctlHostGuard.Check(spec);
        bool terminal = spec.Process?.Terminal == true;
        if (terminal && options.ConsoleSocket is null && options.ConsoleSocketFd < 0)
            throw new RuntimeError("/process/terminal: a terminal needs --console-socket to hand its master to, or a foreground run");
        CompiledSeccomp? seccomp = CompileSeccomp(spec, root, debug);
        if (seccomp is not null) clock.Mark("seccomp profile compiled");

        var hookState = new HookState(spec.OciVersion ?? SpecVersion.Current, options.Id, loaded.BundlePath, spec.Annotations);
        using ContainerDirectory dir = root.CreateContainer(options.Id);
        ICgroupManager? cgroup = null;
        RunningInit? init = null;
        bool runtimeHooksBegan = false;
        try
        {
            var layout = CgroupLayout.Detect();
            clock.Mark("cgroup layout detected");
            cgroup = CgroupManagerFactory.Create(layout, spec.Linux?.CgroupsPath, options.Id);
            var resources = ResourceMapping.ForCreate(spec.Linux);
            if (rootless)
            {
                // Device rules need CAP_SYS_ADMIN (v1 files) or CAP_BPF (v2 filter) on the host, which an unprivileged
                // user lacks; its container can't make device nodes anyway, only bind the host's, as runc reasons.
                resources = resources with { Devices = null };
                cgroup = RootlessCgroups.UsableOrNone(cgroup, resources);
            }
            cgroup?.Create(resources);
            clock.Mark("cgroup directories made");
            cgroup?.Set(resources);
            clock.Mark("cgroup created");

            dir.WriteConfig(loaded.ConfigBytes);
            MakeFifo(dir.FifoPath, spec.Process?.User?.Uid ?? 0, spec.Process?.User?.Gid ?? 0);

            var config = new InitConfig
            {
                Id = options.Id, Bundle = loaded.BundlePath, Rootfs = loaded.RootfsPath,
                ConfigJson = System.Text.Encoding.UTF8.GetString(loaded.ConfigBytes),
                NoPivot = options.NoPivot, NoNewKeyring = options.NoNewKeyring,
                OverlayDir = options.RootfsOverlay ? RootfsOverlay.Prepare(dir.Path, loaded.RootfsPath) : "",
                PreserveFds = options.ListenFds + options.PreserveFds,
                ExtraEnv = options.ListenFds > 0 ? [$"LISTEN_FDS={options.ListenFds}", "LISTEN_PID=1"] : [], Debug = debug is not null,
                Seccomp = seccomp,
            };
            var plan = NamespacePlan.From(spec.Linux);
            var bootstrap = new BootstrapMessage(plan.CloneFlags, plan.Joins, spec.Process?.OomScoreAdj,
                TimeOffsets: spec.Linux?.TimeOffsets is { Count: > 0 });
            init = new InitLauncher(config, bootstrap, spec.Linux, dir.FifoPath, cgroup, debug, consoleSocket: terminal ? options.ConsoleSocket : null,
                consoleSocketFd: terminal ? options.ConsoleSocketFd : -1, runtimeHooks: pid =>
            {
                byte[] creating = hookState.ToJson(ContainerStatus.Creating.ToSpecString(), pid);
                runtimeHooksBegan = true;
                HookRunner.RunAll("prestart", spec.Hooks?.Prestart, creating);
                HookRunner.RunAll("createRuntime", spec.Hooks?.CreateRuntime, creating);
            })
            {
                PrepareNamespaces = pid => NetDeviceHandover.MoveIn(spec.Linux, pid),
                UndoNamespaces = pid => NetDeviceHandover.MoveOut(spec.Linux, $"/proc/{pid}/ns/net", _ => { }),
                IdmappedMount = (index, pid) => IdmappedMountSource.Open(spec.Mounts![index], index, loaded.BundlePath, pid),
                SeccompListener = SeccompListenerFor(spec, pid => hookState.ToJson(ContainerStatus.Creating.ToSpecString(), pid)),
                RenderHookStates = (initConfig, pid) =>
                {
                    initConfig.CreatingStateJson = Encoding.UTF8.GetString(hookState.ToJson(ContainerStatus.Creating.ToSpecString(), pid));
                    initConfig.CreatedStateJson = Encoding.UTF8.GetString(hookState.ToJson(ContainerStatus.Created.ToSpecString(), pid));
                },
            }.LaunchContainer();
            clock.Mark("init ready");

            var state = new RuntimeState
            {
                Id = options.Id, InitPid = init.Pid,
                InitStartTime = ProcFs.StartTime(init.Pid) ?? throw new RuntimeError("container init exited during create"),
                Bundle = loaded.BundlePath, Rootfs = loaded.RootfsPath, Created = DateTime.UtcNow,
                Owner = OwnerName(Libc.geteuid()), OciVersion = spec.OciVersion ?? "",
                CgroupPaths = cgroup is null ? [] : new Dictionary<string, string>(cgroup.Paths), Annotations = spec.Annotations,
            };
            dir.WriteState(state);
            clock.Mark("state written");
            init.Release();
            clock.Mark("init waiting on the exec fifo");
            if (options.PidFile is not null) PidFile.Write(options.PidFile, init.Pid);
            return state;
        }
        catch (Exception e)
        {
            if (init is not null) NetDeviceHandover.MoveOut(spec.Linux, $"/proc/{init.Pid}/ns/net", _ => { });
            init?.Kill();
            long? oomKills = TryOomKillCount(cgroup);
            Undo(cgroup, dir);
            // The lifecycle goes on to delete once hooks have run, and delete ends with poststop (which undoes what
            // createRuntime hooks set up, such as a network).
            if (runtimeHooksBegan)
                HookRunner.RunAllWarning("poststop", spec.Hooks?.Poststop, hookState.ToJson(ContainerStatus.Stopped.ToSpecString(), 0),
                    message => debug?.Invoke(message));
            if (oomKills > 0)
                throw new RuntimeError($"container init was OOM-killed (memory limit too low?): {e.Message}", ExitCodes.Failure, e);
            if (e is SpecException spe) throw new RuntimeError(spe.Message, ExitCodes.Failure, spe);
            if (e is CgroupException ce) throw new RuntimeError(ce.Message, ExitCodes.Failure, ce);
            throw;
        }
        finally
        {
            init?.Dispose();
        }
    }

    /// <summary>Compiled before anything exists, so a profile libseccomp refuses leaves nothing behind.</summary>
    internal static CompiledSeccomp? CompileSeccomp(Spec.Model.RuntimeSpec spec, StateRoot root, Action<string>? debug)
    {
        if (spec.Linux?.Seccomp is not { } profile) return null;
        var compiled = SeccompCompiler.Compile(profile, new SeccompCache(Path.Combine(root.Path, ".cache", "seccomp")));
        // runc ignores syscall names libseccomp doesn't know (a profile written for a newer kernel), at debug level.
        foreach (string name in compiled.UnknownSyscalls) debug?.Invoke($"seccomp: unknown syscall \"{name}\" ignored");
        return compiled;
    }

    internal static SeccompListenerTarget? SeccompListenerFor(Spec.Model.RuntimeSpec spec, Func<int, byte[]> state) =>
        spec.Linux?.Seccomp is { ListenerPath: { Length: > 0 } path } seccomp
            ? new SeccompListenerTarget(path, seccomp.ListenerMetadata, spec.OciVersion ?? SpecVersion.Current, state)
            : null;

    /// <summary>The creator's user name, as runc's state and list show it; the number when /etc/passwd lacks it.</summary>
    private static string OwnerName(uint uid)
    {
        try
        {
            foreach (string line in File.ReadLines("/etc/passwd"))
            {
                string[] fields = line.Split(':');
                if (fields.Length > 2 && fields[2] == uid.ToString()) return fields[0];
            }
        }
        catch (IOException) { }
        return uid.ToString();
    }

    private static long? TryOomKillCount(ICgroupManager? cgroup)
    {
        try { return cgroup?.OomKillCount(); }
        catch (Exception e) when (e is IOException or CgroupException) { return null; }
    }

    private static LoadedSpec LoadSpec(string bundle)
    {
        try
        {
            return SpecLoader.Load(bundle);
        }
        catch (SpecException e)
        {
            throw new RuntimeError(e.Message, ExitCodes.Failure, e);
        }
    }

    private static void Undo(ICgroupManager? cgroup, ContainerDirectory dir)
    {
        try { cgroup?.Destroy(); }
        catch (Exception) { /* reported by the original error; delete --force can retry */ }
        dir.Remove();
    }

    /// <summary>
    /// The FIFO `start` opens; writable by the container's user, who reopens it after dropping root. An
    /// unprivileged creator can't give it away: it stays the creator's, writable by others through its mode.
    /// </summary>
    private static void MakeFifo(string path, uint uid, uint gid)
    {
        SysError.Check(Libc.mkfifo(path, 0b110_010_010 /* 0622 */), "mkfifo", path);
        SysError.Check(Libc.chmod(path, 0b110_010_010), "chmod", path);
        if (Libc.geteuid() == 0) SysError.Check(Libc.chown(path, uid, gid), "chown", path);
    }
}
