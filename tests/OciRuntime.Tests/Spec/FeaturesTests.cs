using System.Text.Json;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Spec;

public sealed class FeaturesTests
{
    internal static Features Full() => new()
    {
        Hooks = ["prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"],
        MountOptions = ["bind", "rbind", "ro"],
        Linux = new LinuxFeatures
        {
            Namespaces = [.. NamespaceTypes.All],
            Capabilities = [.. CapabilityNames.All],
            Cgroup = new CgroupFeatures { V1 = false, V2 = true, Systemd = true, SystemdUser = true, Rdma = false },
            Seccomp = new SeccompFeatures
            {
                Enabled = true,
                Actions = [.. SeccompNames.Actions],
                Operators = [.. SeccompNames.Operators],
                Archs = [.. SeccompNames.Architectures],
                KnownFlags = [.. SeccompNames.Flags],
                SupportedFlags = ["SECCOMP_FILTER_FLAG_LOG"],
            },
            Apparmor = new EnabledFeature { Enabled = false },
            Selinux = new EnabledFeature { Enabled = false },
            IntelRdt = new EnabledFeature { Enabled = false },
            MountExtensions = new MountExtensionsFeatures { Idmap = new EnabledFeature { Enabled = true } },
            NetDevices = new EnabledFeature { Enabled = false },
        },
        Annotations = new() { ["org.opencontainers.runc.version"] = "1.3.0+ociruntime" },
        PotentiallyUnsafeConfigAnnotations = ["org.ociruntime."],
    };

    [Fact]
    public void VersionRangeDefaultsToWhatTheRuntimeSupports()
    {
        var features = new Features();
        features.OciVersionMin.ShouldBe("1.0.0");
        features.OciVersionMax.ShouldBe("1.3.0");
    }

    [Fact]
    public void SerializesNestedNamesAsTheSpecSpellsThem()
    {
        var json = JsonSerializer.Serialize(Full(), SpecJsonContext.Default.Features);

        json.ShouldContain("\"ociVersionMin\": \"1.0.0\"");
        json.ShouldContain("\"systemdUser\": true");
        json.ShouldContain("\"mountExtensions\": {");
        json.ShouldContain("\"supportedFlags\": [");
        json.ShouldContain("\"potentiallyUnsafeConfigAnnotations\": [");
    }
}
