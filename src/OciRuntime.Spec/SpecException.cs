namespace OciRuntime.Spec;

/// <summary>A problem in a bundle or its config.json, located by a JSON pointer ("" for the whole document).</summary>
public sealed class SpecException : Exception
{
    public SpecException(string pointer, string cause, Exception? innerException = null)
        : base(Describe(pointer, cause), innerException)
    {
        Pointer = pointer;
        Cause = cause;
    }

    public string Pointer { get; }

    public string Cause { get; }

    private static string Describe(string pointer, string cause) =>
        pointer.Length == 0 ? cause : $"{pointer}: {cause}";
}
