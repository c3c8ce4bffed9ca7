using SpineMetsRegistry.Infra.Tests.Arm;

namespace SpineMetsRegistry.Infra.Tests.Tests.Tooling;

/// <summary>The evaluator for what snapshots leave unresolved is exact, and loud when it cannot be.</summary>
public sealed class ArmExpressionEvaluatorTests
{
    [Fact]
    public void EvaluateString_FormatWithEnvironmentSuffix_GivesThePublicCloudEndpoint()
    {
        var value = ArmExpressionEvaluator.EvaluateString("[format('https://{0}.blob.{1}/', 'stacct', environment().suffixes.storage)]");

        Assert.Equal("https://stacct.blob.core.windows.net/", value);
    }

    [Fact]
    public void EvaluateString_ReferenceWithPath_IsARuntimeReference()
    {
        var value = ArmExpressionEvaluator.EvaluateString("[reference('/subscriptions/s/resourceGroups/r/providers/X/y/z', '2024-01-01', 'full').identity.principalId]");

        Assert.Equal(new RuntimeReference("/subscriptions/s/resourceGroups/r/providers/X/y/z", ["identity", "principalId"]), value);
    }

    [Fact]
    public void EvaluateString_FormatOfAReference_RendersTheReference()
    {
        var value = ArmExpressionEvaluator.EvaluateString("[format('ClientId={0};Authorization=AAD', reference('/id', '2024-11-30').clientId)]");

        Assert.Equal("ClientId=reference('/id').clientId;Authorization=AAD", value);
    }

    [Theory]
    [InlineData("[[not an expression]", "[not an expression]")]
    [InlineData("plain text", "plain text")]
    [InlineData("['it''s']", "it's")]
    [InlineData("[concat('a', 'b', toLower('C'))]", "abc")]
    public void EvaluateString_Literals_AreReadExactly(string text, string expected) =>
        Assert.Equal(expected, ArmExpressionEvaluator.EvaluateString(text));

    [Fact]
    public void EvaluateString_UnsupportedFunction_Throws() =>
        Assert.Throws<ArmExpressionException>(() => ArmExpressionEvaluator.EvaluateString("[listKeys('/id', '2025-01-01').keys[0].value]"));
}
