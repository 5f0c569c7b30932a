using OciRuntime.Spec.Model;

namespace OciRuntime.Cgroups;

/// <summary>linux.resources.rdma: one "&lt;device&gt; hca_handle=N hca_object=M" line per device in rdma.max (v1 and v2).</summary>
internal static class RdmaLimits
{
    public static void Apply(CgroupTarget target, IReadOnlyDictionary<string, LinuxRdma> limits)
    {
        foreach (var (device, limit) in limits)
        {
            string pointer = $"/linux/resources/rdma/{ResourcePointers.Token(device)}";
            var parts = new List<string> { device };
            if (limit.HcaHandles is { } handles) parts.Add($"hca_handle={handles}");
            if (limit.HcaObjects is { } objects) parts.Add($"hca_object={objects}");
            if (parts.Count > 1) target.Write("rdma.max", string.Join(' ', parts), pointer);
        }
    }
}
