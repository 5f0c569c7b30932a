namespace OciRuntime.Cgroups;

/// <summary>The parts of one /proc/self/mountinfo line that cgroup discovery needs.</summary>
internal sealed record MountInfoEntry(string Root, string MountPoint, string FsType, IReadOnlyList<string> SuperOptions);
