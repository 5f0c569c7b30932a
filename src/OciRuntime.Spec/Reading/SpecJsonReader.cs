using System.Text;
using System.Text.Json;

namespace OciRuntime.Spec.Reading;

/// <summary>Reads one value at the reader's current token (see <see cref="SpecJsonReader"/>).</summary>
internal delegate T JsonValueReader<out T>(ref SpecJsonReader json);

/// <summary>
/// A <see cref="Utf8JsonReader"/> over strict JSON that keeps track of the JSON pointer it is at, so that wrong types
/// and syntax errors become the same <see cref="SpecException"/>s <see cref="SpecParser"/> produces with
/// <see cref="SpecJsonContext"/>: the same pointer, cause, line and byte.
/// </summary>
/// <remarks>
/// Each value method reads the value at the current token and leaves the reader on that value's last token.
/// <see cref="NextProperty"/>, <see cref="NextEntry"/> and <see cref="NextElement"/> move to the next value.
/// The pointer follows System.Text.Json's rules for where a syntax error is: an object property is forgotten once
/// its value is read, a dictionary key is kept until the next key, and an array index counts the elements read.
/// </remarks>
internal ref struct SpecJsonReader
{
    private const string AString = "a string";
    private const string AnObject = "an object";
    private const string AnArray = "an array";

    private static readonly JsonReaderOptions StrictJson = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    private readonly ReadOnlySpan<byte> _json;
    private Utf8JsonReader _reader;
    private Frame[] _frames = new Frame[16];
    private int _depth;

    public SpecJsonReader(ReadOnlySpan<byte> utf8Json)
    {
        _json = utf8Json;
        _reader = new Utf8JsonReader(utf8Json, StrictJson);
    }

    private enum FrameKind : byte { Object, Map, Array }

    private struct Frame
    {
        public FrameKind Kind;
        public string? Name;
        public int Index;
    }

    /// <summary>Reads the whole document with <paramref name="readRoot"/>; a JSON null document is an error.</summary>
    /// <exception cref="SpecException">The document is not valid JSON or a value has the wrong type.</exception>
    public static T ReadDocument<T>(ReadOnlySpan<byte> utf8Json, JsonValueReader<T?> readRoot) where T : class
    {
        var json = new SpecJsonReader(utf8Json);
        T? document;
        try
        {
            json._reader.Read();
            document = readRoot(ref json);
            json._reader.Read();
        }
        catch (JsonException ex)
        {
            throw new SpecException(json.Pointer(), JsonErrorText.Describe(ex), ex);
        }
        return document ?? throw new SpecException("", "the document must be a JSON object, not null");
    }

    // ---- objects, dictionaries and arrays ----

    /// <summary>Enters the object at the current token; false for null.</summary>
    public bool BeginObject() => Begin(JsonTokenType.StartObject, FrameKind.Object, AnObject);

    /// <summary>Moves to the next property's value; false at the end of the object.</summary>
    public bool NextProperty(out string name)
    {
        ref var frame = ref _frames[_depth - 1];
        frame.Name = null;
        if (!NextInContainer(JsonTokenType.EndObject))
        {
            name = "";
            return false;
        }
        name = PropertyName();
        frame.Name = name;
        _reader.Read();
        return true;
    }

    /// <summary>Enters the dictionary at the current token; false for null.</summary>
    public bool BeginMap() => Begin(JsonTokenType.StartObject, FrameKind.Map, AnObject);

    /// <summary>Moves to the next entry's value; false at the end of the dictionary.</summary>
    public bool NextEntry(out string key)
    {
        ref var frame = ref _frames[_depth - 1];
        if (!NextInContainer(JsonTokenType.EndObject))
        {
            key = "";
            return false;
        }
        key = ConvertString() ?? "";
        frame.Name = key;
        _reader.Read();
        return true;
    }

    /// <summary>Enters the array at the current token; false for null.</summary>
    public bool BeginArray() => Begin(JsonTokenType.StartArray, FrameKind.Array, AnArray);

    /// <summary>Moves to the next element; false at the end of the array.</summary>
    public bool NextElement()
    {
        _frames[_depth - 1].Index++;
        return NextInContainer(JsonTokenType.EndArray);
    }

    /// <summary>Skips the value of a property this runtime does not model.</summary>
    public void Skip() => _reader.Skip();

    public List<T>? List<T>(JsonValueReader<T?> readElement) where T : class
    {
        if (!BeginArray())
            return null;
        var list = new List<T>();
        while (NextElement())
            list.Add(readElement(ref this)!);
        return list;
    }

    public Dictionary<string, T>? Map<T>(JsonValueReader<T?> readValue) where T : class
    {
        if (!BeginMap())
            return null;
        var map = new Dictionary<string, T>();
        while (NextEntry(out var key))
            map[key] = readValue(ref this)!;
        return map;
    }

    /// <summary>An array of strings; a null element is an error.</summary>
    public List<string>? StringList()
    {
        if (!BeginArray())
            return null;
        var list = new List<string>();
        while (NextElement())
            list.Add(RequiredString());
        return list;
    }

    /// <summary>An object of string values; a null value is an error.</summary>
    public Dictionary<string, string>? StringMap()
    {
        if (!BeginMap())
            return null;
        var map = new Dictionary<string, string>();
        while (NextEntry(out var key))
            map[key] = RequiredString();
        return map;
    }

    public List<uint>? UInt32List()
    {
        if (!BeginArray())
            return null;
        var list = new List<uint>();
        while (NextElement())
            list.Add(UInt32());
        return list;
    }

    // ---- scalars ----

    public bool IsNull => _reader.TokenType == JsonTokenType.Null;

    public string? String() => IsNull ? null : RequiredString();

    public string RequiredString() =>
        _reader.TokenType == JsonTokenType.String ? ConvertString()! : throw InvalidValue(AString);

    public bool Boolean() => _reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw InvalidValue("a boolean"),
    };

    public bool? NullableBoolean() => IsNull ? null : Boolean();

    public ushort? NullableUInt16() =>
        IsNull ? null : IsNumber && _reader.TryGetUInt16(out var value) ? value : throw InvalidValue("a uint16");

    public int Int32() => IsNumber && _reader.TryGetInt32(out var value) ? value : throw InvalidValue("an int32");

    public int? NullableInt32() => IsNull ? null : Int32();

    public uint UInt32() => IsNumber && _reader.TryGetUInt32(out var value) ? value : throw InvalidValue("a uint32");

    public uint? NullableUInt32() => IsNull ? null : UInt32();

    public long Int64() => IsNumber && _reader.TryGetInt64(out var value) ? value : throw InvalidValue("an int64");

    public long? NullableInt64() => IsNull ? null : Int64();

    public ulong UInt64() => IsNumber && _reader.TryGetUInt64(out var value) ? value : throw InvalidValue("a uint64");

    public ulong? NullableUInt64() => IsNull ? null : UInt64();

    // ---- helpers ----

    private readonly bool IsNumber => _reader.TokenType == JsonTokenType.Number;

    private bool Begin(JsonTokenType start, FrameKind kind, string expected)
    {
        if (IsNull)
            return false;
        if (_reader.TokenType != start)
            throw InvalidValue(expected);
        if (_depth == _frames.Length)
            Array.Resize(ref _frames, _depth * 2);
        _frames[_depth++] = new Frame { Kind = kind, Index = -1 };
        return true;
    }

    /// <summary>Reads the next token of the current container; at its end, leaves the container.</summary>
    private bool NextInContainer(JsonTokenType end)
    {
        _reader.Read();
        if (_reader.TokenType != end)
            return true;
        _depth--;
        return false;
    }

    /// <summary>
    /// A property name as System.Text.Json matches it: unescaped but not checked for valid UTF-8 (such names match
    /// nothing and are skipped); an escape that is not valid UTF-16 fails the whole object.
    /// </summary>
    private readonly string PropertyName()
    {
        if (!_reader.ValueIsEscaped)
            return Encoding.UTF8.GetString(_reader.ValueSpan);
        try
        {
            return _reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw InvalidValue(AnObject);
        }
    }

    /// <summary>The current string or property name as text; invalid UTF-8 or UTF-16 in it is a wrong type.</summary>
    private readonly string? ConvertString()
    {
        try
        {
            return _reader.GetString();
        }
        catch (InvalidOperationException)
        {
            throw InvalidValue(AString);
        }
    }

    private readonly SpecException InvalidValue(string expected)
    {
        // The reader has consumed the offending token: report the position just after it, as System.Text.Json does.
        var consumed = _json[..(int)_reader.BytesConsumed];
        var line = consumed.Count((byte)'\n');
        var lineStart = consumed.LastIndexOf((byte)'\n') + 1;
        return new SpecException(Pointer(), JsonErrorText.InvalidValue(expected, line, consumed.Length - lineStart));
    }

    private readonly string Pointer()
    {
        var pointer = new StringBuilder();
        for (var i = 0; i < _depth; i++)
        {
            var frame = _frames[i];
            if (frame.Kind == FrameKind.Array)
            {
                if (frame.Index >= 0)
                    pointer.Append('/').Append(frame.Index);
            }
            else if (frame.Name is not null)
            {
                pointer.Append('/').Append(JsonPointer.Escape(frame.Name));
            }
        }
        return pointer.ToString();
    }
}
