using OciRuntime.Spec.Model;

namespace OciRuntime.Spec;

/// <param name="Spec">The parsed and validated config.</param>
/// <param name="ConfigBytes">config.json exactly as read, to copy into the state directory.</param>
/// <param name="BundlePath">Absolute, normalized bundle directory.</param>
/// <param name="RootfsPath">Absolute root filesystem directory (root.path resolved against the bundle).</param>
public sealed record LoadedSpec(RuntimeSpec Spec, byte[] ConfigBytes, string BundlePath, string RootfsPath);
