using OciRuntime.Linux;

namespace OciRuntime.Core.State;

/// <summary>
/// The directory holding every container's state: /run/ociruntime for root, for other users
/// $XDG_RUNTIME_DIR/ociruntime, else /run/user/&lt;uid&gt;/ociruntime, else a private /tmp/ociruntime-&lt;uid&gt;.
/// --root overrides.
/// </summary>
public sealed class StateRoot
{
    public const string DefaultPath = "/run/ociruntime";
    private const string Name = "ociruntime";

    public static string DefaultFor(uint euid)
    {
        string? chosen = DefaultFor(euid, Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR"), Directory.Exists($"/run/user/{euid}"));
        return chosen ?? PrivateTmpDirectory(euid);
    }

    /// <summary>The default when it needs no creating; null means the private directory under /tmp.</summary>
    public static string? DefaultFor(uint euid, string? xdgRuntimeDir, bool runUserExists) =>
        euid == 0 ? DefaultPath
        : !string.IsNullOrEmpty(xdgRuntimeDir) ? System.IO.Path.Combine(xdgRuntimeDir, Name)
        : runUserExists ? $"/run/user/{euid}/{Name}"
        : null;

    /// <summary>/tmp is shared: the directory must be a real one that we own (chmod succeeds only for the owner).</summary>
    private static string PrivateTmpDirectory(uint euid)
    {
        string path = $"/tmp/{Name}-{euid}";
        const uint Private = 0b111_000_000; // 0700
        if (Libc.mkdir(path, Private) < 0 && Errno.Last != Errno.EEXIST) throw new SysError("mkdir", path, Errno.Last);
        if (new DirectoryInfo(path).LinkTarget is not null || Libc.chmod(path, Private) < 0)
            throw new RuntimeError($"state directory {path} is not a directory owned by uid {euid}; pass --root");
        return path;
    }

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
