using OciRuntime.Spec;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Spec;

public sealed class JsonErrorTextTests
{
    [Fact]
    public void ConversionFailureBecomesExpectedType() =>
        JsonErrorText.Describe(
                "The JSON value could not be converted to System.Nullable`1[System.Int64]. Path: $.a | LineNumber: 2 | BytePositionInLine: 9.",
                2, 9)
            .ShouldBe("invalid value, expected an int64 (line 3, byte 10)");

    [Fact]
    public void ConversionFailureWithResourceKeysOnlyIsStillRecognised() =>
        JsonErrorText.Describe(
                "DeserializeUnableToConvertValue, System.Collections.Generic.List`1[System.String] Path: $.a | LineNumber: 0 | BytePositionInLine: 4.",
                0, 4)
            .ShouldBe("invalid value, expected an array (line 1, byte 5)");

    [Fact]
    public void SyntaxErrorWithResourceKeysOnlySaysSyntaxError() =>
        JsonErrorText.Describe("ExpectedStartOfValueNotFound, } LineNumber: 0 | BytePositionInLine: 1.", 0, 1)
            .ShouldBe("invalid JSON: syntax error (line 1, byte 2)");

    [Fact]
    public void SyntaxErrorKeepsTheReadersExplanationWithoutAdvice() =>
        JsonErrorText.Describe(
                "The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options. Path: $ | LineNumber: 0 | BytePositionInLine: 23.",
                0, 23)
            .ShouldBe("invalid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode (line 1, byte 24)");

    [Fact]
    public void MissingPositionIsLeftOut() =>
        JsonErrorText.Describe("Something odd.", null, null).ShouldBe("invalid JSON: Something odd");
}
