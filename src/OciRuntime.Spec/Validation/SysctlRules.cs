using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

/// <summary>
/// Only sysctls that a namespace of the container's own makes private may be set (as runc): anything else would
/// change the host. The namespace may be new or joined; joining the host's own is refused at create time.
/// </summary>
internal static class SysctlRules
{
    public static void Check(RuntimeSpec spec, ProblemList problems)
    {
        foreach (var (key, _) in spec.Linux?.Sysctl ?? [])
        {
            string pointer = $"/linux/sysctl/{JsonPointer.Escape(key)}";
            if (SysctlKeys.Components(key) is null)
                problems.Add(pointer, "not a valid sysctl name (empty, \".\" or \"..\" component)");
            else if (SysctlKeys.NamespaceOf(key) is not { } type)
                problems.Add(pointer, "not namespaced: only net.*, IPC (kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*) and " +
                    "kernel.hostname/domainname may be set, or the host would change");
            else if (!NamespaceLookup.IsListed(spec, type))
                problems.Add(pointer, $"requires a new {(type == NamespaceTypes.Network ? "network" : type.ToUpperInvariant())} namespace");
        }
    }
}
