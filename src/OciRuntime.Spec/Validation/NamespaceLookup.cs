using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

internal static class NamespaceLookup
{
    public static LinuxNamespace? Find(RuntimeSpec spec, string type) =>
        spec.Linux?.Namespaces?.FirstOrDefault(ns => ns?.Type == type);

    public static bool IsListed(RuntimeSpec spec, string type) => Find(spec, type) is not null;

    /// <summary>Listed without a path, so the runtime creates a new one rather than joining an existing one.</summary>
    public static bool IsCreated(RuntimeSpec spec, string type) =>
        Find(spec, type) is { } ns && string.IsNullOrEmpty(ns.Path);
}
