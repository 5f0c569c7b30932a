namespace OciRuntime.Spec;

public static class RootfsPropagations
{
    /// <summary>Accepted values of linux.rootfsPropagation; "" means the runtime's default.</summary>
    public static IReadOnlyList<string> All { get; } =
        ["", "shared", "slave", "private", "unbindable", "rshared", "rslave", "rprivate", "runbindable"];

    public static bool IsKnown(string? value) => value is null || All.Contains(value);
}
