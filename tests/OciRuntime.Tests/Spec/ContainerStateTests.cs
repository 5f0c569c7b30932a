using System.Text.Json;
using System.Text.Json.Nodes;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Spec;

public sealed class ContainerStateTests
{
    internal static ContainerState Sample() => new()
    {
        OciVersion = "1.3.0",
        Id = "c1",
        Pid = 0,
        Status = ContainerStatus.Stopped,
        Bundle = "/bundles/c1",
        Rootfs = "/bundles/c1/rootfs",
        Created = Rfc3339.FormatNano(new DateTime(2026, 11, 23, 1, 2, 3, DateTimeKind.Utc).AddTicks(1234500)),
        Owner = "",
    };

    [Fact]
    public void PrintsFieldsInRuncOrderWithPidAlwaysPresent()
    {
        var json = JsonSerializer.Serialize(Sample(), SpecJsonContext.Default.ContainerState);

        JsonNode.Parse(json)!.AsObject().Select(p => p.Key)
            .ShouldBe(["ociVersion", "id", "pid", "status", "bundle", "rootfs", "created", "owner"]);
        json.ShouldContain("\"pid\": 0");
        json.ShouldContain("\"status\": \"stopped\"");
        json.ShouldContain("\"created\": \"2026-11-23T01:02:03.12345Z\"");
    }

    [Fact]
    public void PrintsAnnotationsLastWhenPresent()
    {
        var state = Sample();
        state.Annotations = new() { ["k"] = "v" };

        var json = JsonSerializer.Serialize(state, SpecJsonContext.Default.ContainerState);

        JsonNode.Parse(json)!.AsObject().Last().Key.ShouldBe("annotations");
    }

    [Theory]
    [InlineData(0, "2026-11-23T01:02:03Z")]
    [InlineData(1, "2026-11-23T01:02:03.0000001Z")]
    [InlineData(5_000_000, "2026-11-23T01:02:03.5Z")]
    public void CreatedTimeIsRfc3339NanoInUtc(long ticks, string expected) =>
        Rfc3339.FormatNano(new DateTime(2026, 11, 23, 1, 2, 3, DateTimeKind.Utc).AddTicks(ticks)).ShouldBe(expected);

    [Fact]
    public void LocalTimesAreConvertedToUtc()
    {
        var utc = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        Rfc3339.FormatNano(utc.ToLocalTime()).ShouldBe("2026-01-02T03:04:05Z");
    }
}
