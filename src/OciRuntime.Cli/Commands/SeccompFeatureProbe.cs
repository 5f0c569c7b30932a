using OciRuntime.Core.Seccomp;
using OciRuntime.Linux.Seccomp;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;

namespace OciRuntime.Cli.Commands;

/// <summary>
/// The linux.seccomp part of `features`: enabled when libseccomp can be loaded; the architectures it can build
/// filters for; the filter flags this kernel accepts (the runtime loads filters with seccomp(2) itself).
/// </summary>
public static class SeccompFeatureProbe
{
    public static SeccompFeatures Probe()
    {
        List<string> archs;
        try
        {
            archs = SeccompNames.Architectures.Where(a => SeccompFilter.KnowsArchitecture(SeccompPlan.LibSeccompArchName(a))).ToList();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return new SeccompFeatures { Enabled = false };
        }
        return new SeccompFeatures
        {
            Enabled = true,
            Actions = [.. SeccompNames.Actions],
            Operators = [.. SeccompNames.Operators],
            Archs = archs,
            KnownFlags = [.. SeccompNames.Flags],
            SupportedFlags = SeccompNames.Flags.Where(f => SeccompLoader.KernelSupports(SeccompFilterFlags.From(f)!.Value)).ToList(),
        };
    }
}
