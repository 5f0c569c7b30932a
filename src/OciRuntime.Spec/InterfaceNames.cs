namespace OciRuntime.Spec;

/// <summary>The kernel's rules for a network interface name (dev_valid_name): 1 to 15 bytes, no '/', ':' or whitespace.</summary>
public static class InterfaceNames
{
    public const int MaxBytes = 15;

    /// <summary>Null when the name is valid, otherwise why not.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "an interface name cannot be empty";
        if (System.Text.Encoding.UTF8.GetByteCount(name) > MaxBytes) return $"interface name {name} is longer than {MaxBytes} bytes";
        if (name is "." or "..") return $"{name} is not a valid interface name";
        if (name.Any(c => c is '/' or ':' || char.IsWhiteSpace(c))) return $"interface name {name} contains '/', ':' or whitespace";
        return null;
    }
}
