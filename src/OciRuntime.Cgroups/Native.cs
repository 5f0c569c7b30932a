using System.Runtime.InteropServices;

namespace OciRuntime.Cgroups;

/// <summary>The one libc call OciRuntime.Linux does not bind yet.</summary>
internal static partial class Native
{
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int rmdir(string path);
}
