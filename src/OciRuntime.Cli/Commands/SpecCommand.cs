using System.Text.Json;
using OciRuntime.Cli.Args;
using OciRuntime.Core;
using OciRuntime.Linux;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;

namespace OciRuntime.Cli.Commands;

/// <summary>
/// spec: write a default config.json (runc's template) into the bundle directory. With --network bridge the
/// container also gets this binary's `network` verb as its createRuntime and poststop hooks.
/// </summary>
public static class SpecCommand
{
    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, ["bundle", "b", "network", "bridge", "bridge-ip"], ["rootless"]);
        string bundle = line.Get("bundle", "b") ?? Directory.GetCurrentDirectory();
        string path = Path.Combine(bundle, SpecLoader.ConfigFileName);
        if (File.Exists(path)) throw new RuntimeError($"File {path} exists. Remove it first");
        var spec = line.Has("rootless") ? DefaultSpec.CreateRootless(Libc.geteuid(), Libc.getegid()) : DefaultSpec.Create();
        string? network = line.Get("network");
        if (network is not null)
        {
            if (network != "bridge") throw new UsageException($"--network {network}: the only network this runtime sets up is \"bridge\"");
            if (line.Has("rootless")) throw new UsageException("--network bridge: needs root on the host, not --rootless");
            spec.Hooks = BridgeHooks(context.Globals.Root, line.Get("bridge"), line.Get("bridge-ip"));
        }
        else if (line.Get("bridge") is not null || line.Get("bridge-ip") is not null)
            throw new UsageException("--bridge and --bridge-ip go with --network bridge");
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(spec, SpecJsonContext.Default.RuntimeSpec));
        return 0;
    }

    /// <summary>The same `network` call twice: it connects at createRuntime and disconnects at poststop (it reads which from the state).</summary>
    private static Hooks BridgeHooks(string? root, string? bridge, string? bridgeIp)
    {
        // Checked now, so a bad flag fails here and not at the container's first create.
        try { Network.BridgeOptions.From(bridge, bridgeIp, null); }
        catch (Network.NetworkSetupException e) { throw new UsageException(e.Message); }
        string self = Path.GetFullPath(Environment.ProcessPath ?? "/proc/self/exe");
        if (new FileInfo(self).ResolveLinkTarget(returnFinalTarget: true) is { } target) self = target.FullName;
        var hookArgs = new List<string> { "ociruntime" };
        if (root is not null) hookArgs.AddRange(["--root", Path.GetFullPath(root)]);
        hookArgs.Add("network");
        if (bridge is not null) hookArgs.AddRange(["--bridge", bridge]);
        if (bridgeIp is not null) hookArgs.AddRange(["--bridge-ip", bridgeIp]);
        Hook Make() => new() { Path = self, Args = [.. hookArgs] };
        return new Hooks { CreateRuntime = [Make()], Poststop = [Make()] };
    }
}
