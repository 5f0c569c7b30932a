using System.Text.Json.Nodes;

namespace OciRuntime.Tests.Spec;

/// <summary>Every property name that the upstream schema files declare, and a check of emitted JSON against them.</summary>
internal static class SchemaNames
{
    private static readonly HashSet<string> MapProperties =
        ["annotations", "sysctl", "unified", "rdma", "netDevices", "timeOffsets"];

    public static HashSet<string> Declared()
    {
        var names = new HashSet<string>();
        foreach (var file in Directory.GetFiles(SharedSchema.Directory!, "*.json"))
            Collect(JsonNode.Parse(File.ReadAllText(file)), names);
        return names;
    }

    /// <summary>Pointers of object keys in <paramref name="document"/> that no schema file declares.</summary>
    public static List<string> Undeclared(JsonNode document, HashSet<string> declared)
    {
        var unknown = new List<string>();
        Walk(document, "", checkKeys: true, declared, unknown);
        return unknown;
    }

    private static void Collect(JsonNode? node, HashSet<string> names)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (key == "properties" && value is JsonObject properties)
                    names.UnionWith(properties.Select(p => p.Key));
                Collect(value, names);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
                Collect(item, names);
        }
    }

    private static void Walk(JsonNode? node, string pointer, bool checkKeys, HashSet<string> declared, List<string> unknown)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                var childPointer = $"{pointer}/{key}";
                if (checkKeys && !declared.Contains(key))
                    unknown.Add(childPointer);
                Walk(value, childPointer, checkKeys ? !MapProperties.Contains(key) : true, declared, unknown);
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
                Walk(array[i], $"{pointer}/{i}", true, declared, unknown);
        }
    }
}
