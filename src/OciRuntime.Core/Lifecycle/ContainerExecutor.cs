using System.Text.Json.Nodes;
using OciRuntime.Core.Launch;
using OciRuntime.Core.State;
using OciRuntime.Linux;
using OciRuntime.Spec;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// `exec`: start one more process in a running container. The same init path as `create`, with no namespace to
/// create: the C stage joins all of init's namespaces by /proc path, the parent places it in the container's
/// cgroup first, and the managed init only sets the process's identity before execve.
/// </summary>
public sealed class ContainerExecutor(StateRoot root, Action<string>? debug = null)
{
    public PidFd Exec(ExecOptions options)
    {
        using var container = Container.Load(root, options.Id, exclusive: false);
        switch (container.Status)
        {
            case ContainerStatus.Running: break;
            // Even with --ignore-paused: the new process joins the frozen cgroup before it runs, so its own setup
            // would freeze too and exec would hang.
            case ContainerStatus.Paused: throw new RuntimeError("cannot exec in a paused container: resume it first");
            case ContainerStatus.Created: throw new RuntimeError("cannot exec in a container that has not been started");
            default: throw new RuntimeError("cannot exec in a stopped container");
        }

        var config = JsonNode.Parse(File.ReadAllBytes(container.Directory.ConfigPath))!.AsObject();
        config["process"] = ProcessFor(options, config["process"]?.AsObject());
        string configJson = config.ToJsonString();
        var spec = LoadAndCheck(configJson);
        if (spec.Process?.Terminal == true && options.ConsoleSocket is null && options.ConsoleSocketFd < 0)
            throw new RuntimeError("/process/terminal: a terminal needs --console-socket to hand its master to");

        int initPid = container.State.InitPid;
        var joins = (spec.Linux?.Namespaces ?? [])
            .Where(ns => !(ns.Type == "user" && SameAsOurs(initPid, "user")))
            .Select(ns => (NamespacePlan.Flags[ns.Type!], $"/proc/{initPid}/ns/{NamespacePlan.ProcNames[ns.Type!]}"))
            .ToList();
        var bootstrap = new BootstrapMessage(0, joins, spec.Process?.OomScoreAdj);
        var initConfig = new InitConfig
        {
            Mode = InitConfig.ExecMode, Id = options.Id, Bundle = container.State.Bundle, Rootfs = container.State.Rootfs,
            ConfigJson = configJson, PreserveFds = options.PreserveFds, Debug = debug is not null,
            Seccomp = ContainerCreator.CompileSeccomp(spec, root, debug),
        };
        using var init = new InitLauncher(initConfig, bootstrap, spec.Linux, null, container.Cgroup(), debug,
            consoleSocket: options.ConsoleSocket, consoleSocketFd: options.ConsoleSocketFd)
        {
            SeccompListener = ContainerCreator.SeccompListenerFor(spec, _ =>
                new HookState(spec.OciVersion ?? SpecVersion.Current, options.Id, container.State.Bundle, container.State.Annotations)
                    .ToJson(ContainerStatus.Running.ToSpecString(), initPid)),
        }.LaunchProcess();
        if (options.PidFile is not null) PidFile.Write(options.PidFile, init.Pid);
        return init.TakeProcess();
    }

    private static Spec.Model.RuntimeSpec LoadAndCheck(string configJson)
    {
        try
        {
            var spec = SpecReader.Read(configJson);
            var problem = SpecValidator.FindProblems(spec).FirstOrDefault(p => p.Pointer.StartsWith("/process", StringComparison.Ordinal));
            if (problem is not null) throw problem;
            // The affinity before joining the cgroup would need the parent to set it on the new process; not built yet.
            LsmSupport.Check(spec.Process);
            if (spec.Process?.ExecCpuAffinity?.Initial is not null)
                throw new RuntimeError("/process/execCPUAffinity/initial: not supported by this version of ociruntime yet");
            return spec;
        }
        catch (SpecException e)
        {
            throw new RuntimeError(e.Message, ExitCodes.Failure, e);
        }
    }

    /// <summary>setns into the user namespace we are already in fails (EINVAL), so it is skipped.</summary>
    private static bool SameAsOurs(int pid, string ns) =>
        new FileInfo($"/proc/{pid}/ns/{ns}").LinkTarget == new FileInfo($"/proc/self/ns/{ns}").LinkTarget;

    private static JsonObject ProcessFor(ExecOptions o, JsonObject? containerProcess)
    {
        if (o.Process is not null) return o.Process;
        var process = containerProcess?.DeepClone().AsObject() ?? new JsonObject();
        process["terminal"] = o.Tty;
        process["args"] = new JsonArray(o.Args.Select(a => (JsonNode)a!).ToArray());
        if (o.Env.Count > 0)
        {
            var env = process["env"]?.AsArray() ?? new JsonArray();
            foreach (string e in o.Env) env.Add((JsonNode)e);
            process["env"] = env;
        }
        if (o.Cwd is not null) process["cwd"] = o.Cwd;
        if (o.User is not null) process["user"] = UserFrom(o.User, process["user"]?.AsObject());
        if (o.AdditionalGids is { Count: > 0 })
        {
            var user = process["user"]?.AsObject() ?? new JsonObject { ["uid"] = 0, ["gid"] = 0 };
            user["additionalGids"] = new JsonArray(o.AdditionalGids.Select(g => (JsonNode)g).ToArray());
            process["user"] = user;
        }
        if (o.AddCapabilities is { Count: > 0 })
        {
            var caps = process["capabilities"]?.AsObject() ?? new JsonObject();
            foreach (string set in new[] { "bounding", "effective", "permitted", "ambient" })
            {
                var list = caps[set]?.AsArray() ?? new JsonArray();
                foreach (string cap in o.AddCapabilities) list.Add((JsonNode)cap);
                caps[set] = list;
            }
            process["capabilities"] = caps;
        }
        if (o.NoNewPrivileges) process["noNewPrivileges"] = true;
        return process;
    }

    /// <summary>--user uid[:gid], numeric as runc takes it.</summary>
    private static JsonObject UserFrom(string text, JsonObject? existing)
    {
        string[] parts = text.Split(':', 2);
        if (!uint.TryParse(parts[0], out uint uid) || (parts.Length == 2 && !uint.TryParse(parts[1], out _)))
            throw new RuntimeError($"--user {text}: expected uid[:gid] as numbers");
        var user = existing?.DeepClone().AsObject() ?? new JsonObject();
        user["uid"] = uid;
        user["gid"] = parts.Length == 2 ? uint.Parse(parts[1]) : 0;
        return user;
    }
}
