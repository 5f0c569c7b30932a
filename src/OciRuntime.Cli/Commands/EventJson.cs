using System.Text;
using System.Text.Json;
using OciRuntime.Cgroups;

namespace OciRuntime.Cli.Commands;

/// <summary>
/// The events runc's `events` prints: {"type":"stats","id":...,"data":{...}} with runc's field names and its
/// omit-when-zero choices, and {"type":"oom","id":...}.
/// </summary>
public static class EventJson
{
    public static string Oom(string id) => Write(w =>
    {
        w.WriteString("type", "oom");
        w.WriteString("id", id);
    });

    public static string Stats(string id, CgroupStats stats) => Write(w =>
    {
        w.WriteString("type", "stats");
        w.WriteString("id", id);
        w.WriteStartObject("data");
        Cpu(w, stats.Cpu);
        Memory(w, stats.Memory);
        w.WriteStartObject("pids");
        NonZero(w, "current", stats.Pids.Current);
        NonZero(w, "limit", stats.Pids.Limit);
        w.WriteEndObject();
        Blkio(w, stats.Blkio);
        w.WriteStartObject("hugetlb");
        foreach (var (size, h) in stats.Hugetlb)
        {
            w.WriteStartObject(size);
            NonZero(w, "usage", h.Usage);
            NonZero(w, "max", h.Max);
            w.WriteNumber("failcnt", h.Failcnt);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("intel_rdt");
        w.WriteEndObject();
        w.WriteNull("network_interfaces");
        w.WriteEndObject();
    });

    private static void Cpu(Utf8JsonWriter w, CpuStats cpu)
    {
        w.WriteStartObject("cpu");
        w.WriteStartObject("usage");
        NonZero(w, "total", cpu.Total);
        NonEmpty(w, "percpu", cpu.PerCpu);
        NonEmpty(w, "percpu_kernel", cpu.PerCpuKernel);
        NonEmpty(w, "percpu_user", cpu.PerCpuUser);
        w.WriteNumber("kernel", cpu.Kernel);
        w.WriteNumber("user", cpu.User);
        w.WriteEndObject();
        w.WriteStartObject("throttling");
        NonZero(w, "periods", cpu.Periods);
        NonZero(w, "throttled_periods", cpu.ThrottledPeriods);
        NonZero(w, "throttled_time", cpu.ThrottledTime);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Memory(Utf8JsonWriter w, MemoryStats memory)
    {
        w.WriteStartObject("memory");
        NonZero(w, "cache", memory.Cache);
        Entry(w, "usage", memory.Usage);
        Entry(w, "swap", memory.Swap);
        Entry(w, "kernel", memory.Kernel);
        Entry(w, "kernelTCP", memory.KernelTcp);
        if (memory.Raw.Count > 0)
        {
            w.WriteStartObject("raw");
            foreach (var (key, value) in memory.Raw) w.WriteNumber(key, value);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Entry(Utf8JsonWriter w, string name, MemoryEntry entry)
    {
        w.WriteStartObject(name);
        w.WriteNumber("limit", entry.Limit);
        NonZero(w, "usage", entry.Usage);
        NonZero(w, "max", entry.Max);
        w.WriteNumber("failcnt", entry.Failcnt);
        w.WriteEndObject();
    }

    private static void Blkio(Utf8JsonWriter w, BlkioStats blkio)
    {
        w.WriteStartObject("blkio");
        BlkioEntries(w, "ioServiceBytesRecursive", blkio.IoServiceBytesRecursive);
        BlkioEntries(w, "ioServicedRecursive", blkio.IoServicedRecursive);
        w.WriteEndObject();
    }

    private static void BlkioEntries(Utf8JsonWriter w, string name, IReadOnlyList<BlkioEntry> entries)
    {
        if (entries.Count == 0) return;
        w.WriteStartArray(name);
        foreach (BlkioEntry e in entries)
        {
            w.WriteStartObject();
            NonZero(w, "major", e.Major);
            NonZero(w, "minor", e.Minor);
            if (e.Op.Length > 0) w.WriteString("op", e.Op);
            NonZero(w, "value", e.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void NonZero(Utf8JsonWriter w, string name, ulong value)
    {
        if (value != 0) w.WriteNumber(name, value);
    }

    private static void NonEmpty(Utf8JsonWriter w, string name, IReadOnlyList<ulong> values)
    {
        if (values.Count == 0) return;
        w.WriteStartArray(name);
        foreach (ulong v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
