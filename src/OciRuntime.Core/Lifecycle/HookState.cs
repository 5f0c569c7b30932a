using OciRuntime.Core.Json;

namespace OciRuntime.Core.Lifecycle;

/// <summary>The OCI state document a hook reads on stdin (runtime-spec "State").</summary>
public sealed record HookState(string OciVersion, string Id, string Bundle, IReadOnlyDictionary<string, string>? Annotations)
{
    public byte[] ToJson(string status, int pid) => SmallJson.Write(w =>
    {
        w.WriteString("ociVersion", OciVersion);
        w.WriteString("id", Id);
        w.WriteString("status", status);
        if (pid > 0) w.WriteNumber("pid", pid);
        w.WriteString("bundle", Bundle);
        SmallJson.WriteMap(w, "annotations", Annotations);
    });
}
