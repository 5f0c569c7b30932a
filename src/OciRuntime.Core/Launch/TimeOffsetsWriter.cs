using System.Text;
using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Launch;

/// <summary>
/// linux.timeOffsets, written to /proc/&lt;pid&gt;/timens_offsets of the process that created the time namespace,
/// before anything has entered it (the kernel refuses changes after that).
/// </summary>
public static class TimeOffsetsWriter
{
    public static string Format(IReadOnlyDictionary<string, LinuxTimeOffset>? offsets)
    {
        var text = new StringBuilder();
        foreach (var (clock, offset) in offsets ?? new Dictionary<string, LinuxTimeOffset>())
            text.Append($"{clock} {offset.Secs} {offset.Nanosecs}\n");
        return text.ToString();
    }

    public static void Write(int pid, LinuxSpec linux)
    {
        string file = $"/proc/{pid}/timens_offsets";
        try
        {
            File.WriteAllText(file, Format(linux.TimeOffsets));
        }
        catch (IOException e)
        {
            throw new RuntimeError($"/linux/timeOffsets: writing {file}: {e.Message}");
        }
    }
}
