namespace OciRuntime.Cgroups;

/// <summary>
/// A new cgroup v1 cpuset starts with empty cpuset.cpus and cpuset.mems, and the kernel refuses to
/// move any process into it (ENOSPC) until both are filled. Copy them down from each parent.
/// </summary>
internal static class CpusetInheritance
{
    private static readonly string[] Files = ["cpuset.cpus", "cpuset.mems"];

    public static void FillFromParents(CgroupTarget target)
    {
        IReadOnlyList<string> chain = CgroupPaths.Chain(target.MountPoint, target.Directory);
        for (int i = 1; i < chain.Count; i++)
        {
            foreach (string file in Files)
            {
                string path = Path.Combine(chain[i], file);
                if (!string.IsNullOrWhiteSpace(CgroupFile.TryRead(path))) continue;
                string inherited = (CgroupFile.TryRead(Path.Combine(chain[i - 1], file)) ?? "").Trim();
                CgroupFile.Write(path, inherited, CgroupPathResolver.Pointer);
            }
        }
    }
}
