using System.Text.Json.Nodes;
using OciRuntime.Cgroups;
using OciRuntime.Core.Launch;
using OciRuntime.Core.State;
using OciRuntime.Spec;
using LinuxResources = OciRuntime.Spec.Model.LinuxResources;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// `update`: new limits for a live container, written to its cgroup and then into its recorded config, so what
/// `state` and a later `update` read matches what the kernel enforces.
/// </summary>
public sealed class ContainerUpdater(StateRoot root)
{
    /// <param name="changes">A linux.resources object; only the fields present change.</param>
    public void Update(string id, JsonObject changes)
    {
        using var container = Container.Load(root, id);
        if (container.Status is ContainerStatus.Stopped) throw new RuntimeError("cannot update a stopped container");

        var config = JsonNode.Parse(File.ReadAllBytes(container.Directory.ConfigPath))!.AsObject();
        var linux = config["linux"] as JsonObject ?? new JsonObject();
        config["linux"] = linux;
        var merged = linux["resources"] as JsonObject ?? new JsonObject();
        Merge(merged, changes);
        linux["resources"] = merged;

        var wrapped = new JsonObject { ["ociVersion"] = config["ociVersion"]?.DeepClone(), ["linux"] = new JsonObject { ["resources"] = changes.DeepClone() } };
        LinuxResources resources;
        try
        {
            var spec = SpecReader.Read(wrapped.ToJsonString());
            var problem = SpecValidator.FindProblems(spec, requireProcess: false)
                .FirstOrDefault(p => p.Pointer.StartsWith("/linux/resources", StringComparison.Ordinal));
            if (problem is not null) throw problem;
            FeatureGate.Check(spec);
            resources = spec.Linux!.Resources!;
        }
        catch (SpecException e)
        {
            throw new RuntimeError(e.Message, ExitCodes.Failure, e);
        }
        try
        {
            var cgroup = container.Cgroup() ?? throw new RuntimeError("the container has no cgroup to update");
            cgroup.Set(ResourceMapping.From(resources));
        }
        catch (CgroupException e)
        {
            throw new RuntimeError(e.Message, ExitCodes.Failure, e);
        }
        string temp = container.Directory.ConfigPath + ".tmp";
        File.WriteAllText(temp, config.ToJsonString());
        File.Move(temp, container.Directory.ConfigPath, overwrite: true);
    }

    private static void Merge(JsonObject into, JsonObject changes)
    {
        foreach (var (name, value) in changes)
        {
            if (value is JsonObject child && into[name] is JsonObject existing) Merge(existing, child);
            else into[name] = value?.DeepClone();
        }
    }
}
