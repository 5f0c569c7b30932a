using Xunit;

namespace OciRuntime.Tests.Spec;

/// <summary>The upstream runtime-spec schema kept in shared/oci-spec/schema beside the repository.</summary>
internal static class SharedSchema
{
    public static string? Directory { get; } = Locate();

    public static string PathOf(string relativePath) =>
        System.IO.Path.Combine(Directory ?? throw new InvalidOperationException("schema not found"), relativePath);

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "oci-spec", "schema");
            if (System.IO.Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }
}

public sealed class SchemaFactAttribute : FactAttribute
{
    public SchemaFactAttribute()
    {
        if (SharedSchema.Directory is null)
            Skip = "shared/oci-spec/schema not found above the test output directory";
    }
}

public sealed class SchemaTheoryAttribute : TheoryAttribute
{
    public SchemaTheoryAttribute()
    {
        if (SharedSchema.Directory is null)
            Skip = "shared/oci-spec/schema not found above the test output directory";
    }
}
