namespace OciRuntime.Cgroups;

/// <summary>runc's mapping of the v1 blkio weight [10, 1000] onto v2's io.weight [1, 10000]; 0 stays 0 (unset).</summary>
public static class IoWeight
{
    public static ulong FromBlkioWeight(ulong weight) => weight == 0 ? 0 : 1 + (weight - 10) * 9999 / 990;
}
