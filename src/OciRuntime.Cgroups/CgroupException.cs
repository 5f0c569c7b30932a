namespace OciRuntime.Cgroups;

/// <summary>
/// A cgroup operation failed. <see cref="Pointer"/> is the JSON pointer into config.json of the setting
/// that caused it (e.g. "/linux/resources/memory/limit"), or null when no single setting is to blame.
/// </summary>
public sealed class CgroupException : Exception
{
    public string? Pointer { get; }

    /// <summary>The errno the kernel returned, when the failure was a refused system call.</summary>
    public int? Errno { get; }

    /// <summary>The cgroup file or directory involved, when there is one.</summary>
    public string? FilePath { get; }

    public CgroupException(string? pointer, string detail, int? errno = null, string? filePath = null)
        : base(pointer is null ? detail : $"{pointer}: {detail}")
    {
        Pointer = pointer;
        Errno = errno;
        FilePath = filePath;
    }
}
