using OciRuntime.Core.Launch;
using OciRuntime.Linux;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Launch;

public sealed class BootstrapMessageTests
{
    /// <summary>
    /// The same bytes are parsed by the C stage's own test (src/OciRuntime.Cli/native/tests/test_bootstrap.c):
    /// if either side changes the layout, one of the two tests fails.
    /// </summary>
    public const string SharedVector =
        "08000100" + "00000260" +                                         // clone flags NEWNS|NEWPID|NEWNET
        "17000200" + "00000040" + "2f70726f632f312f6e732f6e657400" + "00" + // join CLONE_NEWNET at /proc/1/ns/net
        "08000300" + "f4ffffff";                                          // oom_score_adj -12

    [Fact]
    public void Encodes_attributes_aligned_to_four_bytes_in_the_layout_the_C_stage_parses()
    {
        var message = new BootstrapMessage(Clone.NEWNS | Clone.NEWPID | Clone.NEWNET,
            [(Clone.NEWNET, "/proc/1/ns/net")], OomScoreAdj: -12);
        Convert.ToHexString(message.Encode()).ToLowerInvariant().ShouldBe(SharedVector);
    }

    /// <summary>Also parsed by the C stage's test: the time-offsets flag is attribute 4.</summary>
    public const string TimeOffsetsVector = "0800010080000000" + "0800040001000000";

    [Fact]
    public void Says_when_the_parent_will_write_time_offsets()
    {
        var bytes = new BootstrapMessage(Clone.NEWTIME, [], null, TimeOffsets: true).Encode();
        Convert.ToHexString(bytes).ToLowerInvariant().ShouldBe(TimeOffsetsVector);
    }

    [Fact]
    public void Omits_oom_score_adj_when_not_configured()
    {
        var bytes = new BootstrapMessage(0, [], null).Encode();
        Convert.ToHexString(bytes).ToLowerInvariant().ShouldBe("0800010000000000");
    }

    [Fact]
    public void Every_attribute_length_is_a_multiple_of_four_once_padded()
    {
        foreach (string path in new[] { "/a", "/ab", "/abc", "/abcd" })
        {
            var bytes = new BootstrapMessage(0, [(Clone.NEWUTS, path)], null).Encode();
            (bytes.Length % 4).ShouldBe(0, path);
        }
    }
}
