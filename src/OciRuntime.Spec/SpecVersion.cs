using System.Text.RegularExpressions;

namespace OciRuntime.Spec;

/// <summary>The runtime-spec versions this runtime reads and writes.</summary>
public static partial class SpecVersion
{
    public const string Current = "1.3.0";
    public const string Minimum = "1.0.0";
    public const string SupportedRange = "1.0.0 to 1.3.x";

    /// <summary>True for 1.0.x to 1.3.x, with or without a suffix such as "-dev" or "+dev".</summary>
    public static bool IsSupported(string? version) => version is not null && SupportedPattern().IsMatch(version);

    [GeneratedRegex(@"^1\.[0-3]\.[0-9]+([-+].*)?$")]
    private static partial Regex SupportedPattern();
}
