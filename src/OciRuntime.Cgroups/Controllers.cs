namespace OciRuntime.Cgroups;

/// <summary>Kernel names of the resource controllers the managers set limits on.</summary>
public static class Controllers
{
    public const string Memory = "memory", Pids = "pids", Cpu = "cpu", Cpuset = "cpuset", Devices = "devices",
        Blkio = "blkio", Io = "io", Hugetlb = "hugetlb", Rdma = "rdma";
}
