using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

internal static class NamespaceRules
{
    public static void Check(RuntimeSpec spec, ProblemList problems)
    {
        var namespaces = spec.Linux?.Namespaces;
        var seen = new HashSet<string>();
        for (var i = 0; i < (namespaces?.Count ?? 0); i++)
        {
            var pointer = $"/linux/namespaces/{i}";
            if (namespaces![i] is not { } ns)
            {
                problems.Add(pointer, "must be an object");
                continue;
            }

            if (!NamespaceTypes.IsKnown(ns.Type))
                problems.Add($"{pointer}/type",
                    $"unknown namespace type \"{ns.Type}\" (expected one of {string.Join(", ", NamespaceTypes.All)})");
            else if (!seen.Add(ns.Type!))
                problems.Add($"{pointer}/type", $"duplicate namespace type \"{ns.Type}\"");

            if (!string.IsNullOrEmpty(ns.Path) && !PathText.IsAbsolute(ns.Path))
                problems.Add($"{pointer}/path", PathText.MustBeAbsolute);
        }
    }
}
