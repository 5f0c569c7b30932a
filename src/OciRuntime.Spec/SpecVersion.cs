namespace OciRuntime.Spec;

/// <summary>The runtime-spec versions this runtime reads and writes.</summary>
public static class SpecVersion
{
    public const string Current = "1.3.0";
    public const string Minimum = "1.0.0";
    public const string SupportedRange = "1.0.0 to 1.3.x";

    /// <summary>True for 1.0.x to 1.3.x, with or without a suffix such as "-dev" or "+dev".</summary>
    /// <remarks>Hand-written rather than a Regex: this runs on every create, and the regex engine costs milliseconds to start.</remarks>
    public static bool IsSupported(string? version)
    {
        if (version is null || version.Length < 5 || !version.StartsWith("1.", StringComparison.Ordinal)) return false;
        if (version[2] is < '0' or > '3' || version[3] != '.') return false;
        int i = 4;
        while (i < version.Length && char.IsAsciiDigit(version[i])) i++;
        return i > 4 && (i == version.Length || version[i] is '-' or '+');
    }
}
