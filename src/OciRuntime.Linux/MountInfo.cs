using System.Text;

namespace OciRuntime.Linux;

/// <summary>
/// Parses /proc/self/mountinfo lines:
/// "id parent major:minor root mountpoint options [optional...] - fstype source superoptions".
/// </summary>
public static class MountInfo
{
    public static IReadOnlyList<MountInfoEntry> ReadSelf() => Parse(File.ReadAllText("/proc/self/mountinfo"));

    /// <summary>The mount point (as this process sees it) of the mount that contains <paramref name="path"/>.</summary>
    public static string MountPointOf(string path) =>
        ReadSelf().Select(m => m.MountPoint)
            .Where(mp => path == mp || path.StartsWith(mp.TrimEnd('/') + "/", StringComparison.Ordinal))
            .MaxBy(mp => mp.Length) ?? "/";

    public static IReadOnlyList<MountInfoEntry> Parse(string mountinfo)
    {
        var entries = new List<MountInfoEntry>();
        foreach (string line in mountinfo.Split('\n'))
        {
            MountInfoEntry? entry = ParseLine(line);
            if (entry is not null) entries.Add(entry);
        }
        return entries;
    }

    private static MountInfoEntry? ParseLine(string line)
    {
        string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int separator = Array.IndexOf(fields, "-");
        if (separator < 6 || fields.Length < separator + 3) return null;

        string superOptions = fields.Length > separator + 3 ? fields[separator + 3] : "";
        return new MountInfoEntry(
            Root: Unescape(fields[3]),
            MountPoint: Unescape(fields[4]),
            FsType: fields[separator + 1],
            SuperOptions: superOptions.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The kernel writes space, tab, newline and backslash in paths as octal escapes like \040.</summary>
    public static string Unescape(string field)
    {
        if (!field.Contains('\\')) return field;

        byte[] raw = Encoding.UTF8.GetBytes(field);
        var decoded = new List<byte>(raw.Length);
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] == (byte)'\\' && IsOctalTriplet(raw, i + 1))
            {
                decoded.Add((byte)((raw[i + 1] - '0') * 64 + (raw[i + 2] - '0') * 8 + (raw[i + 3] - '0')));
                i += 3;
            }
            else
            {
                decoded.Add(raw[i]);
            }
        }
        return Encoding.UTF8.GetString(decoded.ToArray());
    }

    private static bool IsOctalTriplet(byte[] text, int start) =>
        start + 3 <= text.Length && text[start] is >= (byte)'0' and <= (byte)'3'
        && IsOctalDigit(text[start + 1]) && IsOctalDigit(text[start + 2]);

    private static bool IsOctalDigit(byte c) => c is >= (byte)'0' and <= (byte)'7';
}

/// <summary>One line of mountinfo: the mounted root, where it is mounted, the filesystem type, its super options.</summary>
public sealed record MountInfoEntry(string Root, string MountPoint, string FsType, IReadOnlyList<string> SuperOptions);
