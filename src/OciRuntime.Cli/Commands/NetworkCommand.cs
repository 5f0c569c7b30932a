using System.Text.Json;
using OciRuntime.Cli.Args;
using OciRuntime.Core;
using OciRuntime.Network;

namespace OciRuntime.Cli.Commands;

/// <summary>
/// network: a bridge network as OCI hooks. Reads the container's state on stdin; as a createRuntime hook (status
/// "creating") it connects the container to the bridge, as a poststop hook (status "stopped") it disconnects it.
/// Flags: --bridge NAME, --bridge-ip ADDRESS/PREFIX, --address ADDRESS (else the next free one).
/// </summary>
public static class NetworkCommand
{
    public static readonly HashSet<string> ValueFlags = ["bridge", "bridge-ip", "address"];

    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, ValueFlags, []);
        if (line.Positional.Count > 0) throw new UsageException($"network takes no arguments, got {line.Positional[0]}");
        try
        {
            var options = BridgeOptions.From(line.Get("bridge"), line.Get("bridge-ip"), line.Get("address"));
            var (id, status, pid) = ReadState(Console.OpenStandardInput());
            var network = new BridgeNetwork(options, context.Root.Path);
            if (status == "stopped")
            {
                network.Release(id);
                return 0;
            }
            if (pid <= 0) throw new RuntimeError("network: the container state on stdin has no pid (run this as a createRuntime hook)");
            var address = network.Attach(id, pid);
            context.Debug?.Invoke($"network: container {id} has {address} on {options.Bridge}");
            return 0;
        }
        catch (NetworkSetupException e)
        {
            throw new RuntimeError(e.Message, ExitCodes.Failure, e);
        }
    }

    /// <summary>The fields of the runtime-spec state document this command needs.</summary>
    private static (string Id, string Status, int Pid) ReadState(Stream input)
    {
        try
        {
            using var document = JsonDocument.Parse(input);
            var root = document.RootElement;
            string id = root.TryGetProperty("id", out var idValue) ? idValue.GetString() ?? "" : "";
            if (id.Length == 0) throw new RuntimeError("network: the container state on stdin has no id");
            string status = root.TryGetProperty("status", out var statusValue) ? statusValue.GetString() ?? "" : "";
            int pid = root.TryGetProperty("pid", out var pidValue) && pidValue.TryGetInt32(out int p) ? p : 0;
            return (id, status, pid);
        }
        catch (JsonException e)
        {
            throw new RuntimeError($"network: the container state on stdin is not JSON: {e.Message}", ExitCodes.Failure, e);
        }
    }
}
