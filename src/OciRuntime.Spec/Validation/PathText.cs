namespace OciRuntime.Spec.Validation;

internal static class PathText
{
    public const string MustBeAbsolute = "must be an absolute path";

    public static bool IsAbsolute(string? path) => path is not null && path.StartsWith('/');
}
