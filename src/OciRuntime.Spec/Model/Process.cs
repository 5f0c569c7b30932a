using System.Text.Json.Serialization;

namespace OciRuntime.Spec.Model;

public sealed class Process
{
    public bool? Terminal { get; set; }
    public ConsoleSize? ConsoleSize { get; set; }
    public User? User { get; set; }
    public List<string>? Args { get; set; }
    public string? CommandLine { get; set; }
    public List<string>? Env { get; set; }
    public string? Cwd { get; set; }
    public LinuxCapabilities? Capabilities { get; set; }
    public List<PosixRlimit>? Rlimits { get; set; }
    public bool? NoNewPrivileges { get; set; }
    public string? ApparmorProfile { get; set; }
    public int? OomScoreAdj { get; set; }
    public Scheduler? Scheduler { get; set; }
    public string? SelinuxLabel { get; set; }
    public IoPriority? IoPriority { get; set; }

    [JsonPropertyName("execCPUAffinity")]
    public ExecCpuAffinity? ExecCpuAffinity { get; set; }
}

public sealed class ConsoleSize
{
    public ulong Height { get; set; }
    public ulong Width { get; set; }
}

public sealed class User
{
    public uint Uid { get; set; }
    public uint Gid { get; set; }
    public uint? Umask { get; set; }
    public List<uint>? AdditionalGids { get; set; }
    public string? Username { get; set; }
}

public sealed class LinuxCapabilities
{
    public List<string>? Bounding { get; set; }
    public List<string>? Effective { get; set; }
    public List<string>? Inheritable { get; set; }
    public List<string>? Permitted { get; set; }
    public List<string>? Ambient { get; set; }
}

public sealed class PosixRlimit
{
    public string? Type { get; set; }
    public ulong Hard { get; set; }
    public ulong Soft { get; set; }
}

public sealed class Scheduler
{
    public string? Policy { get; set; }
    public int? Nice { get; set; }
    public int? Priority { get; set; }
    public List<string>? Flags { get; set; }
    public ulong? Runtime { get; set; }
    public ulong? Deadline { get; set; }
    public ulong? Period { get; set; }
}

public sealed class IoPriority
{
    public string? Class { get; set; }
    public int Priority { get; set; }
}

public sealed class ExecCpuAffinity
{
    public string? Initial { get; set; }
    public string? Final { get; set; }
}
