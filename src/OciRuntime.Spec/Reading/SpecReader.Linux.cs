using OciRuntime.Spec.Model;
using OciRuntime.Spec.Reading;

namespace OciRuntime.Spec;

/// <summary>"linux" (config-linux.md), except resources and seccomp.</summary>
public static partial class SpecReader
{
    private static LinuxSpec? ReadLinux(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var linux = new LinuxSpec();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "uidMappings": linux.UidMappings = json.List(ReadIdMapping); break;
                case "gidMappings": linux.GidMappings = json.List(ReadIdMapping); break;
                case "sysctl": linux.Sysctl = json.StringMap(); break;
                case "resources": linux.Resources = ReadResources(ref json); break;
                case "cgroupsPath": linux.CgroupsPath = json.String(); break;
                case "namespaces": linux.Namespaces = json.List(ReadNamespace); break;
                case "devices": linux.Devices = json.List(ReadDevice); break;
                case "netDevices": linux.NetDevices = json.Map(ReadNetDevice); break;
                case "seccomp": linux.Seccomp = ReadSeccomp(ref json); break;
                case "rootfsPropagation": linux.RootfsPropagation = json.String(); break;
                case "maskedPaths": linux.MaskedPaths = json.StringList(); break;
                case "readonlyPaths": linux.ReadonlyPaths = json.StringList(); break;
                case "mountLabel": linux.MountLabel = json.String(); break;
                case "intelRdt": linux.IntelRdt = ReadIntelRdt(ref json); break;
                case "memoryPolicy": linux.MemoryPolicy = ReadMemoryPolicy(ref json); break;
                case "personality": linux.Personality = ReadPersonality(ref json); break;
                case "timeOffsets": linux.TimeOffsets = json.Map(ReadTimeOffset); break;
                default: json.Skip(); break;
            }
        }
        return linux;
    }

    private static LinuxNamespace? ReadNamespace(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var ns = new LinuxNamespace();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "type": ns.Type = json.String(); break;
                case "path": ns.Path = json.String(); break;
                default: json.Skip(); break;
            }
        }
        return ns;
    }

    private static LinuxDevice? ReadDevice(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var device = new LinuxDevice();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "path": device.Path = json.String(); break;
                case "type": device.Type = json.String(); break;
                case "major": device.Major = json.NullableInt64(); break;
                case "minor": device.Minor = json.NullableInt64(); break;
                case "fileMode": device.FileMode = json.NullableUInt32(); break;
                case "uid": device.Uid = json.NullableUInt32(); break;
                case "gid": device.Gid = json.NullableUInt32(); break;
                default: json.Skip(); break;
            }
        }
        return device;
    }

    private static LinuxNetDevice? ReadNetDevice(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var device = new LinuxNetDevice();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "name": device.Name = json.String(); break;
                default: json.Skip(); break;
            }
        }
        return device;
    }

    private static LinuxIntelRdt? ReadIntelRdt(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var rdt = new LinuxIntelRdt();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "closID": rdt.ClosId = json.String(); break;
                case "schemata": rdt.Schemata = json.StringList(); break;
                case "l3CacheSchema": rdt.L3CacheSchema = json.String(); break;
                case "memBwSchema": rdt.MemBwSchema = json.String(); break;
                case "enableMonitoring": rdt.EnableMonitoring = json.NullableBoolean(); break;
                default: json.Skip(); break;
            }
        }
        return rdt;
    }

    private static LinuxMemoryPolicy? ReadMemoryPolicy(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var policy = new LinuxMemoryPolicy();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "mode": policy.Mode = json.String(); break;
                case "nodes": policy.Nodes = json.String(); break;
                case "flags": policy.Flags = json.StringList(); break;
                default: json.Skip(); break;
            }
        }
        return policy;
    }

    private static LinuxPersonality? ReadPersonality(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var personality = new LinuxPersonality();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "domain": personality.Domain = json.String(); break;
                case "flags": personality.Flags = json.StringList(); break;
                default: json.Skip(); break;
            }
        }
        return personality;
    }

    private static LinuxTimeOffset? ReadTimeOffset(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var offset = new LinuxTimeOffset();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "secs": offset.Secs = json.Int64(); break;
                case "nanosecs": offset.Nanosecs = json.UInt32(); break;
                default: json.Skip(); break;
            }
        }
        return offset;
    }
}
