using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

/// <summary>Device nodes to create (linux.devices).</summary>
internal static class DeviceRules
{
    public static void Check(RuntimeSpec spec, ProblemList problems)
    {
        var devices = spec.Linux?.Devices;
        for (var i = 0; i < (devices?.Count ?? 0); i++)
        {
            var pointer = $"/linux/devices/{i}";
            if (devices![i] is not { } device)
            {
                problems.Add(pointer, "must be an object");
                continue;
            }

            if (device.Type is not ("c" or "b" or "u" or "p"))
                problems.Add($"{pointer}/type", $"must be one of c, b, u, p, got \"{device.Type}\"");
            else if (device.Type != "p" && (device.Major is null || device.Minor is null))
                problems.Add($"{pointer}/{(device.Major is null ? "major" : "minor")}",
                    $"is required for device type \"{device.Type}\"");

            if (!PathText.IsAbsolute(device.Path))
                problems.Add($"{pointer}/path", PathText.MustBeAbsolute);
        }
    }
}
