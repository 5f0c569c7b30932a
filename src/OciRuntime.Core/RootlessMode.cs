using OciRuntime.Linux;

namespace OciRuntime.Core;

/// <summary>
/// runc's --rootless: "auto" means rootless when the effective uid isn't 0 or when the runtime itself runs in a
/// user namespace other than the initial one (where root's privileges don't reach the host's cgroups).
/// </summary>
public static class RootlessMode
{
    public static readonly string[] Values = ["auto", "true", "false"];

    public static bool Resolve(string flag) => flag switch
    {
        "true" => true,
        "false" => false,
        _ => Libc.geteuid() != 0 || !UserNamespaceInfo.IsInitial(),
    };
}
