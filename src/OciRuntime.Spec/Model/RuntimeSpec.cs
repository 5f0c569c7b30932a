namespace OciRuntime.Spec.Model;

/// <summary>The bundle's config.json (runtime-spec config.md), Linux parts only.</summary>
public sealed class RuntimeSpec
{
    public string? OciVersion { get; set; }
    public Process? Process { get; set; }
    public Root? Root { get; set; }
    public string? Hostname { get; set; }
    public string? Domainname { get; set; }
    public List<Mount>? Mounts { get; set; }
    public Hooks? Hooks { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
    public LinuxSpec? Linux { get; set; }
}

public sealed class Root
{
    public string? Path { get; set; }
    public bool? Readonly { get; set; }
}
