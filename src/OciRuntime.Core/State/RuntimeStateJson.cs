using System.Text.Json;
using OciRuntime.Core.Json;

namespace OciRuntime.Core.State;

/// <summary>state.json's format: camelCase fields of <see cref="RuntimeState"/>.</summary>
public static class RuntimeStateJson
{
    public static byte[] Write(RuntimeState s) => SmallJson.Write(w =>
    {
        w.WriteString("id", s.Id);
        w.WriteNumber("initPid", s.InitPid);
        w.WriteNumber("initStartTime", s.InitStartTime);
        w.WriteString("bundle", s.Bundle);
        w.WriteString("rootfs", s.Rootfs);
        w.WriteString("created", s.Created.ToUniversalTime().ToString("O"));
        w.WriteString("owner", s.Owner);
        w.WriteString("ociVersion", s.OciVersion);
        SmallJson.WriteMap(w, "cgroupPaths", s.CgroupPaths);
        SmallJson.WriteMap(w, "annotations", s.Annotations);
    });

    public static RuntimeState Read(byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        var o = doc.RootElement;
        return new RuntimeState
        {
            Id = SmallJson.String(o, "id"),
            InitPid = (int)SmallJson.Long(o, "initPid"),
            InitStartTime = SmallJson.ULong(o, "initStartTime"),
            Bundle = SmallJson.String(o, "bundle"),
            Rootfs = SmallJson.String(o, "rootfs"),
            Created = DateTime.Parse(SmallJson.String(o, "created"), null, System.Globalization.DateTimeStyles.RoundtripKind),
            Owner = SmallJson.String(o, "owner"),
            OciVersion = SmallJson.String(o, "ociVersion"),
            CgroupPaths = SmallJson.Map(o, "cgroupPaths") ?? new(),
            Annotations = SmallJson.Map(o, "annotations"),
        };
    }
}
