using System.Text.Json;
using System.Text.RegularExpressions;

namespace OciRuntime.Spec;

/// <summary>Turns a System.Text.Json error into one short line, whether the runtime has full messages or only resource keys.</summary>
internal static partial class JsonErrorText
{
    private static readonly string[] ConversionFailurePrefixes =
        ["The JSON value could not be converted to ", "DeserializeUnableToConvertValue, "];

    public static string Describe(JsonException ex) => Describe(ex.Message, ex.LineNumber, ex.BytePositionInLine);

    public static string Describe(string message, long? lineNumber, long? bytePositionInLine)
    {
        var position = Position(lineNumber, bytePositionInLine);
        var cause = WithoutLocation(message);
        foreach (var prefix in ConversionFailurePrefixes)
        {
            if (cause.StartsWith(prefix, StringComparison.Ordinal))
                return InvalidValueText(JsonTypeNames.Describe(cause[prefix.Length..]), position);
        }
        return $"invalid JSON: {SyntaxCause(cause)}{position}";
    }

    /// <summary>A value of the wrong JSON type, e.g. "a uint32"; line and byte are 0-based, as the reader counts them.</summary>
    public static string InvalidValue(string expected, long lineNumber, long bytePositionInLine) =>
        InvalidValueText(expected, Position(lineNumber, bytePositionInLine));

    private static string InvalidValueText(string expected, string position) => $"invalid value, expected {expected}{position}";

    private static string Position(long? lineNumber, long? bytePositionInLine) =>
        lineNumber is { } line && bytePositionInLine is { } column ? $" (line {line + 1}, byte {column + 1})" : "";

    private static string WithoutLocation(string message)
    {
        var cut = message.Length;
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
                cut = Math.Min(cut, at);
        }
        return message[..cut].ReplaceLineEndings(" ").Trim().TrimEnd('.');
    }

    private static string SyntaxCause(string cause)
    {
        if (cause.Length == 0 || ResourceKey().IsMatch(cause))
            return "syntax error";
        if (cause.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
            return "the document is empty";
        return cause.Replace(". Change the reader options", "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9_]+(,|$)")]
    private static partial Regex ResourceKey();
}
