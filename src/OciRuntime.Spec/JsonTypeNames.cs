namespace OciRuntime.Spec;

/// <summary>Names a .NET type the way the runtime-spec schema would (string, uint32, array, object...).</summary>
internal static class JsonTypeNames
{
    public static string Describe(string clrTypeName)
    {
        var name = Unwrap(clrTypeName.Trim());
        return name switch
        {
            "System.String" => "a string",
            "System.Boolean" => "a boolean",
            "System.Int16" => "an int16",
            "System.UInt16" => "a uint16",
            "System.Int32" => "an int32",
            "System.UInt32" => "a uint32",
            "System.Int64" => "an int64",
            "System.UInt64" => "a uint64",
            _ when name.StartsWith("System.Collections.Generic.List`1", StringComparison.Ordinal) => "an array",
            _ => "an object",
        };
    }

    private static string Unwrap(string name)
    {
        const string nullable = "System.Nullable`1[";
        return name.StartsWith(nullable, StringComparison.Ordinal) && name.EndsWith(']')
            ? name[nullable.Length..^1]
            : name;
    }
}
