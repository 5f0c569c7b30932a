using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// Refuses configs that ask for what this build can't do yet, naming the field, instead of silently running a
/// container with less isolation than asked for. Shrinks as features land; `features` reports the same gaps.
/// </summary>
public static class FeatureGate
{
    public static void Check(RuntimeSpec spec)
    {
        string? field = FirstUnsupported(spec);
        if (field is not null) throw new RuntimeError($"{field}: not supported by this version of ociruntime yet");
    }

    private static string? FirstUnsupported(RuntimeSpec spec)
    {
        var linux = spec.Linux;
        (bool Asked, string Field)[] checks =
        [
            // Like runc, a mount label only matters where SELinux is enabled; elsewhere it is ignored.
            (!string.IsNullOrEmpty(linux?.MountLabel) && LsmSupport.SelinuxEnabled(), "/linux/mountLabel"),
            (linux?.IntelRdt is not null, "/linux/intelRdt"),
            (linux?.Personality?.Flags is { Count: > 0 }, "/linux/personality/flags"),
            (linux?.MemoryPolicy is not null, "/linux/memoryPolicy"),
        ];
        return checks.FirstOrDefault(c => c.Asked).Field;
    }
}
