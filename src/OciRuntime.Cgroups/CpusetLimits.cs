namespace OciRuntime.Cgroups;

/// <summary>cpuset.cpus and cpuset.mems, the same files on v1 and v2. Empty strings mean unset.</summary>
internal static class CpusetLimits
{
    public static void Apply(CgroupTarget target, string? cpus, string? mems)
    {
        if (!string.IsNullOrEmpty(cpus)) target.Write("cpuset.cpus", cpus, ResourcePointers.CpusetCpus);
        if (!string.IsNullOrEmpty(mems)) target.Write("cpuset.mems", mems, ResourcePointers.CpusetMems);
    }
}
