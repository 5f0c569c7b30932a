using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Spec;

public sealed class UpstreamSchemaTests
{
    private static async Task ShouldMatchSchema(string json, string schemaFile)
    {
        var schema = await JsonSchema.FromFileAsync(SharedSchema.PathOf(schemaFile));
        var errors = schema.Validate(json);
        errors.Select(e => e.ToString()).ShouldBeEmpty();
    }

    public static TheoryData<string> GoodConfigFixtures() => Fixtures("test/config/good");

    public static TheoryData<string> GoodFeaturesFixtures() => Fixtures("test/features/good");

    public static TheoryData<string> GoodStateFixtures() => Fixtures("test/state/good");

    private static TheoryData<string> Fixtures(string folder)
    {
        var data = new TheoryData<string>();
        if (SharedSchema.Directory is null)
        {
            data.Add("(schema not found)");
            return data;
        }
        foreach (var file in Directory.GetFiles(SharedSchema.PathOf(folder), "*.json").Order())
            data.Add(Path.GetFileName(file));
        return data;
    }

    [SchemaFact]
    public Task DefaultSpecMatchesConfigSchema() => ShouldMatchSchema(Specs.Json(DefaultSpec.Create()), "config-schema.json");

    [SchemaFact]
    public Task RootlessSpecMatchesConfigSchema() =>
        ShouldMatchSchema(Specs.Json(DefaultSpec.CreateRootless(1000, 1000)), "config-schema.json");

    [SchemaFact]
    public Task FullSpecMatchesConfigSchema() => ShouldMatchSchema(Specs.Json(FullSpec.Create()), "config-schema.json");

    [Fact]
    public void FullSpecIsValid() => SpecValidator.FindProblems(FullSpec.Create()).ShouldBeEmpty();

    [SchemaFact]
    public void FullSpecUsesOnlyPropertyNamesTheSchemaDeclares()
    {
        var json = JsonNode.Parse(Specs.Json(FullSpec.Create()))!;
        SchemaNames.Undeclared(json, SchemaNames.Declared()).ShouldBeEmpty();
    }

    [Fact]
    public void FullSpecSurvivesAJsonRoundTrip()
    {
        var json = Specs.Json(FullSpec.Create());
        Specs.Json(JsonSerializer.Deserialize(json, SpecJsonContext.Default.RuntimeSpec)!).ShouldBe(json);
    }

    [SchemaTheory]
    [MemberData(nameof(GoodConfigFixtures))]
    public void GoodConfigFixtureDeserializes(string fixture)
    {
        var bytes = File.ReadAllBytes(SharedSchema.PathOf($"test/config/good/{fixture}"));

        var spec = SpecParser.Parse(bytes, SpecJsonContext.Default.RuntimeSpec);

        spec.OciVersion.ShouldNotBeNullOrEmpty();
        spec.Root!.Path.ShouldBe("rootfs");
    }

    [SchemaFact]
    public void SpecExampleFixtureKeepsItsLinuxDetails()
    {
        var bytes = File.ReadAllBytes(SharedSchema.PathOf("test/config/good/spec-example.json"));

        var spec = SpecParser.Parse(bytes, SpecJsonContext.Default.RuntimeSpec);

        spec.Linux!.UidMappings![0].HostId.ShouldBe(1000u);
        spec.Linux.Resources!.Network!.ClassId.ShouldBe(1048577u);
        spec.Linux.Resources.BlockIO!.ThrottleWriteIopsDevice![0].Rate.ShouldBe(300ul);
        spec.Linux.Resources.Memory!.KernelTcp.ShouldBe(-1);
        spec.Linux.Resources.Cpu!.RealtimeRuntime.ShouldBe(950000);
        spec.Linux.TimeOffsets!["boottime"].Secs.ShouldBe(604800);
        spec.Hooks!.Poststart![0].Timeout.ShouldBe(5);
    }

    [SchemaTheory]
    [MemberData(nameof(GoodFeaturesFixtures))]
    public void GoodFeaturesFixtureDeserializes(string fixture)
    {
        var bytes = File.ReadAllBytes(SharedSchema.PathOf($"test/features/good/{fixture}"));

        SpecParser.Parse(bytes, SpecJsonContext.Default.Features).OciVersionMin.ShouldNotBeNullOrEmpty();
    }

    [SchemaTheory]
    [MemberData(nameof(GoodStateFixtures))]
    public void GoodStateFixtureDeserializes(string fixture)
    {
        var bytes = File.ReadAllBytes(SharedSchema.PathOf($"test/state/good/{fixture}"));

        SpecParser.Parse(bytes, SpecJsonContext.Default.ContainerState).Id.ShouldNotBeNullOrEmpty();
    }

    [SchemaFact]
    public void RuncFeaturesFixtureRoundTripsWithItsOwnPropertyNames()
    {
        var original = File.ReadAllText(SharedSchema.PathOf("test/features/good/runc.json"));

        var features = JsonSerializer.Deserialize(original, SpecJsonContext.Default.Features)!;
        var written = JsonSerializer.Serialize(features, SpecJsonContext.Default.Features);

        JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(original)).ShouldBeTrue();
    }

    [SchemaFact]
    public Task StoppedContainerStateMatchesStateSchema() => ShouldMatchSchema(
        JsonSerializer.Serialize(ContainerStateTests.Sample(), SpecJsonContext.Default.ContainerState),
        "state-schema.json");

    [SchemaFact]
    public Task FullFeaturesMatchFeaturesSchema() => ShouldMatchSchema(
        JsonSerializer.Serialize(FeaturesTests.Full(), SpecJsonContext.Default.Features), "features-schema.json");

    [SchemaFact]
    public void FullFeaturesUseOnlyPropertyNamesTheSchemaDeclares()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(FeaturesTests.Full(), SpecJsonContext.Default.Features))!;
        SchemaNames.Undeclared(json, SchemaNames.Declared()).ShouldBeEmpty();
    }
}
