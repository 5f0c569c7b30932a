using System.Globalization;
using OciRuntime.Spec.Model;

namespace OciRuntime.Cgroups;

/// <summary>
/// linux.resources.blockIO. v1: blkio.weight and blkio.weight_device (their blkio.bfq.* names when only BFQ
/// offers weights), blkio.leaf_weight / leaf_weight_device and blkio.throttle.*_device. v2: io.bfq.weight, else io.weight with
/// runc's conversion of the [10, 1000] weight onto [1, 10000]; per-device weights to io.bfq.weight; the
/// throttles as io.max "rbps/wbps/riops/wiops" entries. leafWeight has no v2 file and is ignored there, as in runc.
/// </summary>
internal static class BlockIoLimits
{
    private const string Pointer = "/linux/resources/blockIO";

    public static void Apply(CgroupTarget target, LinuxBlockIO io)
    {
        if (target.IsUnified) ApplyV2(target, io);
        else ApplyV1(target, io);
    }

    private static void ApplyV1(CgroupTarget target, LinuxBlockIO io)
    {
        if (io.Weight is { } weight) target.Write(V1WeightFile(target, "blkio.weight"), Number(weight), $"{Pointer}/weight");
        if (io.LeafWeight is { } leaf) target.Write("blkio.leaf_weight", Number(leaf), $"{Pointer}/leafWeight");
        for (int i = 0; i < (io.WeightDevice?.Count ?? 0); i++)
        {
            LinuxWeightDevice device = io.WeightDevice![i];
            if (device.Weight is { } w) target.Write(V1WeightFile(target, "blkio.weight_device"), $"{device.Major}:{device.Minor} {w}", $"{Pointer}/weightDevice/{i}/weight");
            if (device.LeafWeight is { } lw) target.Write("blkio.leaf_weight_device", $"{device.Major}:{device.Minor} {lw}", $"{Pointer}/weightDevice/{i}/leafWeight");
        }
        Throttle(target, io.ThrottleReadBpsDevice, "throttleReadBpsDevice", "blkio.throttle.read_bps_device", "");
        Throttle(target, io.ThrottleWriteBpsDevice, "throttleWriteBpsDevice", "blkio.throttle.write_bps_device", "");
        Throttle(target, io.ThrottleReadIopsDevice, "throttleReadIOPSDevice", "blkio.throttle.read_iops_device", "");
        Throttle(target, io.ThrottleWriteIopsDevice, "throttleWriteIOPSDevice", "blkio.throttle.write_iops_device", "");
    }

    private static void ApplyV2(CgroupTarget target, LinuxBlockIO io)
    {
        if (io.Weight is { } weight)
        {
            if (target.HasFile("io.bfq.weight")) target.Write("io.bfq.weight", Number(weight), $"{Pointer}/weight");
            else target.Write("io.weight", Number(IoWeight.FromBlkioWeight(weight)), $"{Pointer}/weight");
        }
        for (int i = 0; i < (io.WeightDevice?.Count ?? 0); i++)
        {
            LinuxWeightDevice device = io.WeightDevice![i];
            if (device.Weight is { } w) target.Write("io.bfq.weight", $"{device.Major}:{device.Minor} {w}", $"{Pointer}/weightDevice/{i}/weight");
        }
        Throttle(target, io.ThrottleReadBpsDevice, "throttleReadBpsDevice", "io.max", "rbps=");
        Throttle(target, io.ThrottleWriteBpsDevice, "throttleWriteBpsDevice", "io.max", "wbps=");
        Throttle(target, io.ThrottleReadIopsDevice, "throttleReadIOPSDevice", "io.max", "riops=");
        Throttle(target, io.ThrottleWriteIopsDevice, "throttleWriteIOPSDevice", "io.max", "wiops=");
    }

    /// <summary>Kernels without CFQ (all since 5.0) offer the weights only under BFQ's names, blkio.bfq.*.</summary>
    private static string V1WeightFile(CgroupTarget target, string file)
    {
        string bfq = file.Replace("blkio.", "blkio.bfq.");
        return !target.HasFile(file) && target.HasFile(bfq) ? bfq : file;
    }

    /// <param name="key">v2's key before the rate ("rbps="), empty on v1.</param>
    private static void Throttle(CgroupTarget target, List<LinuxThrottleDevice>? devices, string field, string file, string key)
    {
        for (int i = 0; i < (devices?.Count ?? 0); i++)
        {
            LinuxThrottleDevice device = devices![i];
            // v2 takes "max" for no limit; runc writes 0 to v1 for the same.
            string rate = key.Length > 0 && device.Rate == 0 ? "max" : device.Rate.ToString(CultureInfo.InvariantCulture);
            target.Write(file, $"{device.Major}:{device.Minor} {key}{rate}", $"{Pointer}/{field}/{i}");
        }
    }

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
