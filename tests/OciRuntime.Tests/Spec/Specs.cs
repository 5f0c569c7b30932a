using OciRuntime.Spec;
using OciRuntime.Spec.Model;

namespace OciRuntime.Tests.Spec;

internal static class Specs
{
    public static RuntimeSpec Valid() => DefaultSpec.Create();

    public static RuntimeSpec WithUserNamespace()
    {
        var spec = Valid();
        spec.Linux!.Namespaces!.Add(new LinuxNamespace { Type = "user" });
        spec.Linux.UidMappings = [new IdMapping { ContainerId = 0, HostId = 100000, Size = 65536 }];
        spec.Linux.GidMappings = [new IdMapping { ContainerId = 0, HostId = 100000, Size = 65536 }];
        return spec;
    }

    public static string Json(RuntimeSpec spec) =>
        System.Text.Json.JsonSerializer.Serialize(spec, SpecJsonContext.Default.RuntimeSpec);
}
