using System.Globalization;

namespace OciRuntime.Spec;

public static class Rfc3339
{
    /// <summary>UTC time as Go's RFC3339Nano prints it: trailing zeros of the fraction dropped, "Z" suffix.</summary>
    public static string FormatNano(DateTime time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
