using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

/// <summary>
/// A temporary bundle whose config.json starts from the busybox demo config and is changed per test.
/// The rootfs is the shared busybox tree (by absolute path), never copied.
/// </summary>
public sealed class Bundle : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("ocirt-bundle-").FullName;
    public JsonObject Config { get; }

    public Bundle(params string[] args)
    {
        Config = JsonNode.Parse(File.ReadAllText(Path.Combine(RuntimeBinary.RepoRoot, "bundles", "busybox", "config.json")))!.AsObject();
        Config["root"]!["path"] = RuntimeBinary.BusyboxRootfs;
        if (args.Length > 0) Args(args);
    }

    public JsonObject Process => Config["process"]!.AsObject();
    public JsonObject Linux => Config["linux"]!.AsObject();
    public JsonArray Namespaces => Linux["namespaces"]!.AsArray();

    public Bundle Args(params string[] args)
    {
        Process["args"] = new JsonArray(args.Select(a => (JsonNode)a!).ToArray());
        return this;
    }

    public Bundle Shell(string script) => Args("sh", "-c", script);

    public Bundle Edit(Action<JsonObject> edit)
    {
        edit(Config);
        return this;
    }

    public string Write()
    {
        File.WriteAllText(Path.Combine(Dir, "config.json"), Config.ToJsonString());
        return Dir;
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
