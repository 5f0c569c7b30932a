namespace OciRuntime.Core.Lifecycle;

/// <summary>--pid-file: written atomically (temp file then rename) so a reader never sees a partial pid.</summary>
public static class PidFile
{
    public static void Write(string path, int pid)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".tmp");
        File.WriteAllText(temp, pid.ToString());
        File.Move(temp, full, overwrite: true);
    }
}
