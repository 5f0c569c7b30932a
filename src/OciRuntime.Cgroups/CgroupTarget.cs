using OciRuntime.Linux;

namespace OciRuntime.Cgroups;

/// <summary>The container's directory in one hierarchy (a v1 hierarchy or cgroup2).</summary>
internal sealed class CgroupTarget
{
    /// <summary>The container's cgroup directory, e.g. /sys/fs/cgroup/memory/mycontainer.</summary>
    public string Directory { get; }

    public string MountPoint { get; }

    public bool IsUnified { get; }

    /// <summary>This directory's keys in <see cref="ICgroupManager.Paths"/>.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Resource controllers of a v1 hierarchy; empty for cgroup2 and named hierarchies.</summary>
    public IReadOnlyList<string> V1Controllers { get; }

    /// <summary>Directories Create made (top-down), so Destroy can remove the empty parents it left.</summary>
    public List<string> CreatedDirectories { get; } = new();

    public CgroupTarget(string directory, string mountPoint, bool isUnified, IReadOnlyList<string> keys, IReadOnlyList<string> v1Controllers)
    {
        Directory = directory;
        MountPoint = mountPoint;
        IsUnified = isUnified;
        Keys = keys;
        V1Controllers = v1Controllers;
    }

    public string PathOf(string name) => Path.Combine(Directory, name);

    public bool HasFile(string name) => File.Exists(PathOf(name));

    /// <exception cref="CgroupException">The kernel refused the value.</exception>
    public void Write(string file, string value, string? pointer)
    {
        string path = PathOf(file);
        int errno = CgroupFile.TryWrite(path, value);
        if (errno == 0) return;

        // On cgroup2 a controller's files only appear once the parent enables it in cgroup.subtree_control.
        string? hint = errno == Errno.ENOENT && IsUnified && System.IO.Directory.Exists(Directory)
            ? $" (the {file.Split('.')[0]} controller is not enabled for {Directory})"
            : null;
        throw CgroupFile.WriteFailure(path, value, pointer, errno, hint);
    }
}
