namespace OciRuntime.Spec.Model;

/// <summary>The state document printed by <c>state</c> (runtime.md), with runc's extra fields.</summary>
public sealed class ContainerState
{
    public string OciVersion { get; set; } = SpecVersion.Current;
    public string Id { get; set; } = "";
    public int Pid { get; set; }
    public string Status { get; set; } = ContainerStatus.Creating;
    public string Bundle { get; set; } = "";
    public string Rootfs { get; set; } = "";
    public string Created { get; set; } = "";
    public string Owner { get; set; } = "";
    public Dictionary<string, string>? Annotations { get; set; }
}

public static class ContainerStatus
{
    public const string Creating = "creating";
    public const string Created = "created";
    public const string Running = "running";
    public const string Stopped = "stopped";
    public const string Paused = "paused";
}
