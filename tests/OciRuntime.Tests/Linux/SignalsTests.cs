using OciRuntime.Linux;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Linux;

public sealed class SignalsTests
{
    [Theory]
    [InlineData("KILL", 9)]
    [InlineData("SIGKILL", 9)]
    [InlineData("sigterm", 15)]
    [InlineData("9", 9)]
    [InlineData("USR1", 10)]
    [InlineData("WINCH", 28)]
    [InlineData("RTMIN", 34)]
    [InlineData("RTMIN+3", 37)]
    [InlineData("SIGRTMAX-1", 63)]
    public void Parses_names_and_numbers_like_kill(string text, int expected)
    {
        Signals.TryParse(text, out int signal).ShouldBeTrue();
        signal.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NOPE")]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("RTMIN+40")]
    public void Rejects_what_kill_would_reject(string text) => Signals.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Start_time_is_field_22_even_when_the_command_has_spaces_and_parens()
    {
        const string stat = "1234 (my (odd) prog) S 1 1234 1234 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 100";
        ProcFs.ParseStartTime(stat).ShouldBe(987654UL);
    }
}
