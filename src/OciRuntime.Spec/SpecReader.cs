using OciRuntime.Spec.Model;
using OciRuntime.Spec.Reading;

namespace OciRuntime.Spec;

/// <summary>
/// Reads config.json into a <see cref="RuntimeSpec"/> without JsonSerializer: building SpecJsonContext's metadata
/// costs milliseconds at every start, walking the JSON directly does not. The result and the errors are those of
/// <c>SpecParser.Parse(json, SpecJsonContext.Default.RuntimeSpec)</c>: the same property names (case-sensitive),
/// unknown properties ignored, null properties left unset, strict JSON, numbers range-checked against their
/// properties' types. One deliberate difference: a null string inside an array or string map (args, env,
/// annotations...) is an error here, where the serializer would store a null.
/// </summary>
/// <remarks>The readers for each part of the spec are in the Reading folder.</remarks>
public static partial class SpecReader
{
    /// <exception cref="SpecException">Invalid JSON or a value of the wrong type, located by a JSON pointer.</exception>
    public static RuntimeSpec Read(ReadOnlySpan<byte> utf8Json) => SpecJsonReader.ReadDocument(utf8Json, ReadRuntimeSpec);

    /// <inheritdoc cref="Read(ReadOnlySpan{byte})"/>
    public static RuntimeSpec Read(byte[] utf8Json) => Read(utf8Json.AsSpan());

    /// <inheritdoc cref="Read(ReadOnlySpan{byte})"/>
    public static RuntimeSpec Read(ReadOnlyMemory<byte> utf8Json) => Read(utf8Json.Span);

    /// <summary>Reads config.json text; line and byte in errors count UTF-8 bytes, as for the other overloads.</summary>
    /// <exception cref="SpecException">Invalid JSON or a value of the wrong type, located by a JSON pointer.</exception>
    public static RuntimeSpec Read(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json));

    private static RuntimeSpec? ReadRuntimeSpec(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var spec = new RuntimeSpec();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "ociVersion": spec.OciVersion = json.String(); break;
                case "process": spec.Process = ReadProcess(ref json); break;
                case "root": spec.Root = ReadRoot(ref json); break;
                case "hostname": spec.Hostname = json.String(); break;
                case "domainname": spec.Domainname = json.String(); break;
                case "mounts": spec.Mounts = json.List(ReadMount); break;
                case "hooks": spec.Hooks = ReadHooks(ref json); break;
                case "annotations": spec.Annotations = json.StringMap(); break;
                case "linux": spec.Linux = ReadLinux(ref json); break;
                default: json.Skip(); break;
            }
        }
        return spec;
    }
}
