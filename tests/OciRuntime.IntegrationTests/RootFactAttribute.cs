using System.Runtime.InteropServices;

namespace OciRuntime.IntegrationTests;

/// <summary>A test that creates real containers: it needs root and the built binary, and says so when skipped.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute() => Skip = RealContainers.WhyNot();
}

public sealed class RootTheoryAttribute : TheoryAttribute
{
    public RootTheoryAttribute() => Skip = RealContainers.WhyNot();
}

/// <summary>A real-container test that checks output against the upstream runtime-spec schemas in ../shared.</summary>
public sealed class RootSchemaFactAttribute : FactAttribute
{
    public RootSchemaFactAttribute() => Skip = RealContainers.WhyNot() ?? (RealContainers.SchemaDir() is null
        ? "needs the runtime-spec schemas at ../shared/oci-spec/schema beside the repository" : null);
}

public static partial class RealContainers
{
    public static string? SchemaDir()
    {
        string dir = Path.GetFullPath(Path.Combine(RuntimeBinary.RepoRoot, "..", "shared", "oci-spec", "schema"));
        return Directory.Exists(dir) ? dir : null;
    }

    public static string? WhyNot()
    {
        if (geteuid() != 0) return "creates real containers: needs root";
        if (!File.Exists(RuntimeBinary.Path)) return $"needs the built binary at {RuntimeBinary.Path} (run make)";
        if (!File.Exists(Path.Combine(RuntimeBinary.BusyboxRootfs, "bin", "busybox"))) return "needs the busybox bundle (run make bundle)";
        return null;
    }

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
