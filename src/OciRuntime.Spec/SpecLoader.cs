using OciRuntime.Spec.Model;

namespace OciRuntime.Spec;

public static class SpecLoader
{
    public const string ConfigFileName = "config.json";

    /// <summary>Reads, parses and validates bundle/config.json and resolves the rootfs.</summary>
    /// <exception cref="SpecException">The bundle, its config or its rootfs is missing or invalid.</exception>
    public static LoadedSpec Load(string bundleDirectory, bool requireProcess = true)
    {
        var bundle = NormalizeDirectory(string.IsNullOrEmpty(bundleDirectory) ? "." : bundleDirectory);
        if (!Directory.Exists(bundle))
            throw new SpecException("", File.Exists(bundle)
                ? $"bundle {bundle} is not a directory"
                : $"bundle directory {bundle} does not exist");

        var configBytes = ReadConfig(Path.Combine(bundle, ConfigFileName));
        var spec = SpecReader.Read(configBytes);
        SpecValidator.Validate(spec, requireProcess);

        var rootfs = ResolveRootfs(bundle, spec.Root!.Path!);
        return new LoadedSpec(spec, configBytes, bundle, rootfs);
    }

    /// <summary>root.path made absolute: relative paths are resolved against the bundle.</summary>
    public static string RootfsPathOf(string bundlePath, RuntimeSpec spec) =>
        NormalizeDirectory(Path.Combine(bundlePath, spec.Root?.Path ?? ""));

    private static byte[] ReadConfig(string configPath)
    {
        if (!File.Exists(configPath))
            throw new SpecException("", $"{configPath} does not exist");
        try
        {
            return File.ReadAllBytes(configPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SpecException("", $"cannot read {configPath}: {ex.Message}", ex);
        }
    }

    private static string ResolveRootfs(string bundle, string rootPath)
    {
        var rootfs = NormalizeDirectory(Path.Combine(bundle, rootPath));
        if (Directory.Exists(rootfs))
            return rootfs;
        throw new SpecException("/root/path", File.Exists(rootfs)
            ? $"rootfs {rootfs} is not a directory"
            : $"rootfs {rootfs} does not exist");
    }

    private static string NormalizeDirectory(string path) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
