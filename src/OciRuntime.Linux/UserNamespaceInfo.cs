namespace OciRuntime.Linux;

/// <summary>Which user namespace the runtime itself runs in.</summary>
public static class UserNamespaceInfo
{
    /// <summary>
    /// True in the initial user namespace: only there does uid_map map the whole 32-bit range onto itself.
    /// </summary>
    public static bool IsInitial()
    {
        try
        {
            return IsIdentityOfEveryId(File.ReadAllText("/proc/self/uid_map"));
        }
        catch (IOException)
        {
            return true;
        }
    }

    public static bool IsIdentityOfEveryId(string uidMap)
    {
        string[] lines = uidMap.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length != 1) return false;
        string[] fields = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is ["0", "0", "4294967295"];
    }
}
