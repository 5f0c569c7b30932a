using System.Text;

namespace OciRuntime.Spec;

/// <summary>RFC 6901 JSON pointers, and conversion from System.Text.Json's "$.a.b[3]" paths.</summary>
public static class JsonPointer
{
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    public static string Append(string pointer, string segment) => $"{pointer}/{Escape(segment)}";

    public static string Append(string pointer, int index) => $"{pointer}/{index}";

    /// <summary>Converts a path such as <c>$.linux.namespaces[3].type</c> or <c>$.annotations['a.b']</c> to a pointer.</summary>
    public static string FromJsonPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
            return "";

        var pointer = new StringBuilder();
        var position = jsonPath[0] == '$' ? 1 : 0;
        while (position < jsonPath.Length)
        {
            var segment = jsonPath[position] == '.'
                ? ReadDottedName(jsonPath, ref position)
                : ReadBracketed(jsonPath, ref position);
            pointer.Append('/').Append(Escape(segment));
        }
        return pointer.ToString();
    }

    private static string ReadDottedName(string path, ref int position)
    {
        var start = position + 1;
        var end = path.IndexOfAny(['.', '['], start);
        if (end < 0)
            end = path.Length;
        position = end;
        return path[start..end];
    }

    private static string ReadBracketed(string path, ref int position)
    {
        if (path.AsSpan(position).StartsWith("['"))
        {
            var start = position + 2;
            var end = FindQuotedNameEnd(path, start);
            position = Math.Min(end + 2, path.Length);
            return path[start..end];
        }

        var close = path.IndexOf(']', position);
        if (close < 0)
            close = path.Length;
        var index = path[(position + 1)..close];
        position = Math.Min(close + 1, path.Length);
        return index;
    }

    private static int FindQuotedNameEnd(string path, int start)
    {
        for (var end = path.IndexOf("']", start, StringComparison.Ordinal);
             end >= 0;
             end = path.IndexOf("']", end + 1, StringComparison.Ordinal))
        {
            var after = end + 2;
            if (after == path.Length || path[after] is '.' or '[')
                return end;
        }
        return path.Length;
    }
}
