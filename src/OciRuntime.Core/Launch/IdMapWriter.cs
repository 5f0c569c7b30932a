using System.Text;
using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Launch;

/// <summary>Writes a new user namespace's uid_map and gid_map from the parent, as the kernel requires.</summary>
public static class IdMapWriter
{
    public static string Format(IEnumerable<IdMapping>? mappings)
    {
        var text = new StringBuilder();
        foreach (var m in mappings ?? []) text.Append($"{m.ContainerId} {m.HostId} {m.Size}\n");
        return text.ToString();
    }

    public static void Write(int pid, LinuxSpec linux)
    {
        WriteMap($"/proc/{pid}/uid_map", Format(linux.UidMappings), "/linux/uidMappings");
        WriteMap($"/proc/{pid}/gid_map", Format(linux.GidMappings), "/linux/gidMappings");
    }

    private static void WriteMap(string file, string content, string field)
    {
        try
        {
            File.WriteAllText(file, content);
        }
        catch (IOException e)
        {
            throw new RuntimeError($"{field}: writing {file}: {e.Message}");
        }
    }
}
