using OciRuntime.Spec.Model;
using OciRuntime.Spec.Reading;

namespace OciRuntime.Spec;

/// <summary>"root" and "mounts" (config.md#root, config.md#mounts), and the ID mappings mounts share with "linux".</summary>
public static partial class SpecReader
{
    private static Root? ReadRoot(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var root = new Root();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "path": root.Path = json.String(); break;
                case "readonly": root.Readonly = json.NullableBoolean(); break;
                default: json.Skip(); break;
            }
        }
        return root;
    }

    private static Mount? ReadMount(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var mount = new Mount();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "destination": mount.Destination = json.String(); break;
                case "type": mount.Type = json.String(); break;
                case "source": mount.Source = json.String(); break;
                case "options": mount.Options = json.StringList(); break;
                case "uidMappings": mount.UidMappings = json.List(ReadIdMapping); break;
                case "gidMappings": mount.GidMappings = json.List(ReadIdMapping); break;
                default: json.Skip(); break;
            }
        }
        return mount;
    }

    private static IdMapping? ReadIdMapping(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var mapping = new IdMapping();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "containerID": mapping.ContainerId = json.UInt32(); break;
                case "hostID": mapping.HostId = json.UInt32(); break;
                case "size": mapping.Size = json.UInt32(); break;
                default: json.Skip(); break;
            }
        }
        return mapping;
    }
}
