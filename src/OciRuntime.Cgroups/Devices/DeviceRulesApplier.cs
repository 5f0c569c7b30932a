namespace OciRuntime.Cgroups;

/// <summary>
/// Enforces device rules where the host keeps them: the v1 devices controller when a v1 hierarchy has it
/// (hybrid hosts included, as runc does), else a BPF device filter on the cgroup2 directory.
/// </summary>
internal static class DeviceRulesApplier
{
    /// <exception cref="CgroupException">The rules can't be expressed, or the kernel refused them.</exception>
    public static void Apply(IReadOnlyList<CgroupTarget> targets, IReadOnlyList<DeviceRule> rules)
    {
        DevicePolicy policy = DevicePolicy.Build(rules);
        CgroupTarget? v1 = targets.FirstOrDefault(t => !t.IsUnified && t.V1Controllers.Contains(Controllers.Devices));
        if (v1 is not null)
        {
            V1DeviceRules.Apply(v1, policy);
            return;
        }
        CgroupTarget unified = targets.FirstOrDefault(t => t.IsUnified)
            ?? throw new CgroupException(ResourcePointers.Devices, "this host has neither the v1 devices controller nor cgroup2");
        DeviceFilterAttacher.Replace(unified.Directory, DeviceFilterProgram.Generate(policy));
    }
}
