namespace OciRuntime.Core.State;

/// <summary>The directory holding every container's state (default /run/ociruntime, --root overrides).</summary>
public sealed class StateRoot
{
    public const string DefaultPath = "/run/ociruntime";

    public string Path { get; }

    public StateRoot(string? path) => Path = System.IO.Path.GetFullPath(string.IsNullOrEmpty(path) ? DefaultPath : path);

    public static void ValidateId(string id)
    {
        if (string.IsNullOrEmpty(id)) throw new RuntimeError("container id cannot be empty", ExitCodes.Usage);
        if (id is "." or ".." || !id.All(IsIdChar))
            throw new RuntimeError($"invalid container id format: {id}", ExitCodes.Failure);
    }

    public ContainerDirectory CreateContainer(string id)
    {
        ValidateId(id);
        return ContainerDirectory.CreateNew(Path, id);
    }

    /// <summary>Opens a container's directory; <paramref name="exclusive"/> false for verbs that only read.</summary>
    public ContainerDirectory Open(string id, bool exclusive = true)
    {
        ValidateId(id);
        return ContainerDirectory.TryOpen(Path, id, exclusive) ?? throw new RuntimeError($"container does not exist: {id}", ExitCodes.Failure);
    }

    public ContainerDirectory? TryOpen(string id, bool exclusive = true)
    {
        ValidateId(id);
        return ContainerDirectory.TryOpen(Path, id, exclusive);
    }

    public IEnumerable<string> ListIds()
    {
        if (!Directory.Exists(Path)) return [];
        return Directory.EnumerateDirectories(Path).Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
    }

    // runc's rule: ^[\w+-\.]+$
    private static bool IsIdChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '+' or '-' or '.';
}
