using System.Globalization;
using OciRuntime.Spec.Model;

namespace OciRuntime.Cgroups;

/// <summary>linux.resources.network: net_cls.classid and net_prio.ifpriomap, v1 only (cgroup v2 has no such controllers).</summary>
internal static class NetworkLimits
{
    private const string Pointer = "/linux/resources/network";

    public static void Apply(IReadOnlyList<CgroupTarget> targets, LinuxNetwork network)
    {
        if (network.ClassId is { } classId)
            V1Target(targets, "net_cls", $"{Pointer}/classID")
                .Write("net_cls.classid", classId.ToString(CultureInfo.InvariantCulture), $"{Pointer}/classID");
        for (int i = 0; i < (network.Priorities?.Count ?? 0); i++)
        {
            LinuxInterfacePriority priority = network.Priorities![i];
            string pointer = $"{Pointer}/priorities/{i}";
            V1Target(targets, "net_prio", pointer).Write("net_prio.ifpriomap", $"{priority.Name} {priority.Priority}", pointer);
        }
    }

    private static CgroupTarget V1Target(IReadOnlyList<CgroupTarget> targets, string controller, string pointer) =>
        targets.FirstOrDefault(t => !t.IsUnified && t.V1Controllers.Contains(controller))
        ?? throw new CgroupException(pointer, $"the {controller} cgroup controller is not mounted on this host (it exists only on cgroup v1)");
}
