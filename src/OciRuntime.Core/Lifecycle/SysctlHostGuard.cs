using System.Runtime.InteropServices;
using OciRuntime.Core.Launch;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// A namespaced sysctl is only private when the namespace isn't the host's: joining the runtime's own network
/// (or IPC, UTS) namespace by path and setting its sysctls would change the host, so that is refused (as runc does
/// for the network namespace).
/// </summary>
public static unsafe partial class SysctlHostGuard
{
    public static void Check(RuntimeSpec spec)
    {
        foreach (var key in spec.Linux?.Sysctl?.Keys ?? Enumerable.Empty<string>())
        {
            if (SysctlKeys.NamespaceOf(key) is not { } type) continue;
            var joined = spec.Linux?.Namespaces?.FirstOrDefault(n => n.Type == type)?.Path;
            if (string.IsNullOrEmpty(joined)) continue;
            if (SameFile(joined, $"/proc/self/ns/{NamespacePlan.ProcNames[type]}"))
                throw new RuntimeError($"/linux/sysctl/{JsonPointer.Escape(key)}: the {type} namespace at {joined} is the host's; its sysctls are not the container's to set");
        }
    }

    private static bool SameFile(string a, string b)
    {
        // struct stat on x86_64 begins with st_dev then st_ino.
        ulong* sa = stackalloc ulong[18], sb = stackalloc ulong[18];
        return stat(a, sa) == 0 && stat(b, sb) == 0 && sa[0] == sb[0] && sa[1] == sb[1];
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int stat(string path, ulong* buffer);
}
