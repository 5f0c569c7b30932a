using System.Text.Json.Serialization;

namespace OciRuntime.Spec.Model;

public sealed class LinuxBlockIO
{
    public ushort? Weight { get; set; }
    public ushort? LeafWeight { get; set; }
    public List<LinuxWeightDevice>? WeightDevice { get; set; }
    public List<LinuxThrottleDevice>? ThrottleReadBpsDevice { get; set; }
    public List<LinuxThrottleDevice>? ThrottleWriteBpsDevice { get; set; }

    [JsonPropertyName("throttleReadIOPSDevice")]
    public List<LinuxThrottleDevice>? ThrottleReadIopsDevice { get; set; }

    [JsonPropertyName("throttleWriteIOPSDevice")]
    public List<LinuxThrottleDevice>? ThrottleWriteIopsDevice { get; set; }
}

public sealed class LinuxWeightDevice
{
    public long Major { get; set; }
    public long Minor { get; set; }
    public ushort? Weight { get; set; }
    public ushort? LeafWeight { get; set; }
}

public sealed class LinuxThrottleDevice
{
    public long Major { get; set; }
    public long Minor { get; set; }
    public ulong Rate { get; set; }
}
