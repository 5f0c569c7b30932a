using System.Text.Json;
using OciRuntime.Cgroups;
using OciRuntime.Init.Mounts;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;

namespace OciRuntime.Cli.Commands;

/// <summary>
/// features: what this build really implements. AppArmor and SELinux labels are applied where the module is on,
/// but stay reported as absent until that path has run on a host with the module.
/// </summary>
public static class FeaturesCommand
{
    public static int Run(CommandContext context, string[] args)
    {
        var layout = TryDetect();
        var features = new Features
        {
            OciVersionMin = SpecVersion.Minimum,
            OciVersionMax = SpecVersion.Current,
            Hooks = ["prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"],
            MountOptions = MountOptions.KnownOptions.Order(StringComparer.Ordinal).ToList(),
            Linux = new LinuxFeatures
            {
                Namespaces = ["cgroup", "ipc", "mount", "network", "pid", "time", "user", "uts"],
                Capabilities = CapabilityNames.All.ToList(),
                Cgroup = new CgroupFeatures
                {
                    V1 = layout?.Mode is CgroupMode.V1 or CgroupMode.Hybrid,
                    V2 = layout?.Mode is CgroupMode.V2 or CgroupMode.Hybrid,
                    Systemd = false,
                    SystemdUser = false,
                    Rdma = true,
                },
                Seccomp = SeccompFeatureProbe.Probe(),
                Apparmor = new EnabledFeature { Enabled = false },
                Selinux = new EnabledFeature { Enabled = false },
                IntelRdt = new EnabledFeature { Enabled = false },
                MountExtensions = new MountExtensionsFeatures { Idmap = new EnabledFeature { Enabled = true } },
                NetDevices = new EnabledFeature { Enabled = true },
            },
        };
        Console.Out.WriteLine(JsonSerializer.Serialize(features, SpecJsonContext.Default.Features));
        return 0;
    }

    private static CgroupLayout? TryDetect()
    {
        try { return CgroupLayout.Detect(); }
        catch (CgroupException) { return null; }
    }
}
