using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

/// <summary>/linux/netDevices: valid names on both sides, distinct names inside, and a network namespace of the container's own.</summary>
internal static class NetDeviceRules
{
    public static void Check(RuntimeSpec spec, ProblemList problems)
    {
        var devices = spec.Linux?.NetDevices;
        if (devices is not { Count: > 0 }) return;
        if (!NamespaceLookup.IsListed(spec, NamespaceTypes.Network))
            problems.Add("/linux/netDevices", "moving network devices needs a network namespace in /linux/namespaces (it would move them from the host to the host)");
        var namesInside = new Dictionary<string, string>();
        foreach (var (hostName, device) in devices)
        {
            string pointer = $"/linux/netDevices/{JsonPointer.Escape(hostName)}";
            if (InterfaceNames.Problem(hostName) is { } hostProblem) problems.Add(pointer, hostProblem);
            string inside = string.IsNullOrEmpty(device?.Name) ? hostName : device.Name;
            if (device?.Name is not null && InterfaceNames.Problem(device.Name) is { } nameProblem) problems.Add($"{pointer}/name", nameProblem);
            if (!namesInside.TryAdd(inside, hostName))
                problems.Add(pointer, $"the container would get two devices named {inside} (also /linux/netDevices/{namesInside[inside]})");
        }
    }
}
