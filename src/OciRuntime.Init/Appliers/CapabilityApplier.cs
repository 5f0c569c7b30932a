using OciRuntime.Linux;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init.Appliers;

/// <summary>
/// process.capabilities in runc's order, on the thread that will execve: shrink the bounding set first (that
/// needs CAP_SETPCAP, which we still hold), keep permitted caps across the uid switch, then set effective,
/// permitted and inheritable with capset and raise the ambient ones. Names this kernel doesn't know are skipped.
/// </summary>
public sealed class CapabilityApplier(LinuxCapabilities? caps)
{
    private readonly int _lastCap = Capabilities.LastCap();

    /// <summary>Before setuid: bounding set, and ask the kernel to keep permitted caps across the uid change.</summary>
    public void BeforeUserSwitch()
    {
        if (caps is null) return;
        ulong bounding = Mask(caps.Bounding);
        for (int cap = 0; cap <= _lastCap; cap++)
            if ((bounding & (1UL << cap)) == 0 && Capabilities.InBounding(cap)) Capabilities.DropFromBounding(cap);
        Capabilities.KeepCapsAcrossSetuid(true);
    }

    /// <summary>After setuid: the sets themselves.</summary>
    public void AfterUserSwitch()
    {
        if (caps is null) return;
        Capabilities.Set(Mask(caps.Effective), Mask(caps.Permitted), Mask(caps.Inheritable));
        Capabilities.SetAmbient(Numbers(caps.Ambient));
        Capabilities.KeepCapsAcrossSetuid(false);
    }

    private ulong Mask(IEnumerable<string>? names) => Numbers(names).Aggregate(0UL, (mask, cap) => mask | (1UL << cap));

    private IEnumerable<int> Numbers(IEnumerable<string>? names) =>
        (names ?? []).Select(CapabilityNames.NumberOf).Where(cap => cap >= 0 && cap <= _lastCap);
}
