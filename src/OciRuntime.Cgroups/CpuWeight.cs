namespace OciRuntime.Cgroups;

/// <summary>Maps v1 cpu.shares [2, 262144] linearly onto v2 cpu.weight [1, 10000], as runc does.</summary>
public static class CpuWeight
{
    public const ulong MinShares = 2, MaxShares = 262144;

    public static ulong FromShares(ulong shares)
    {
        ulong clamped = Math.Clamp(shares, MinShares, MaxShares);
        return 1 + (clamped - MinShares) * 9999 / (MaxShares - MinShares);
    }
}
