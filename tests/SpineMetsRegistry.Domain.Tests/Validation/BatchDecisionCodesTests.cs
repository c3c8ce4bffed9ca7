using System.Text.Json;
using System.Text.Json.Serialization;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Validation;

public sealed class BatchDecisionCodesTests
{
    private static readonly JsonSerializerOptions CamelCaseEnums = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static TheoryData<BatchDecision, string> Codes => new()
    {
        { BatchDecision.Accepted, "accepted" },
        { BatchDecision.PartiallyAccepted, "partially_accepted" },
        { BatchDecision.Held, "held" },
        { BatchDecision.Rejected, "rejected" },
        { BatchDecision.Quarantined, "quarantined" },
    };

    [Fact]
    public void Codes_CoverEveryDecision()
    {
        Assert.Equal(Enum.GetValues<BatchDecision>().Order(), Codes.Select(row => (BatchDecision)row[0]).Order());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void ToCode_Decision_IsTheSnakeCaseCode(BatchDecision decision, string code)
    {
        Assert.Equal(code, BatchDecisionCodes.ToCode(decision));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void TryParse_Code_RoundTrips(BatchDecision decision, string code)
    {
        Assert.True(BatchDecisionCodes.TryParse(code, out var parsed));
        Assert.Equal(decision, parsed);
    }

    [Theory]
    [InlineData("Accepted")]
    [InlineData("partiallyAccepted")]
    [InlineData("already_completed")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotACode_IsRefused(string? code)
    {
        Assert.False(BatchDecisionCodes.TryParse(code, out _));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Json_DefaultOptions_WritesAndReadsTheCode(BatchDecision decision, string code)
    {
        var json = JsonSerializer.Serialize(decision);

        Assert.Equal($"\"{code}\"", json);
        Assert.Equal(decision, JsonSerializer.Deserialize<BatchDecision>(json));
    }

    /// <summary>The HTTP API and aggregates add a camelCase enum converter; the decision's own names must still win.</summary>
    [Theory]
    [MemberData(nameof(Codes))]
    public void Json_CamelCaseEnumConverterInOptions_StillWritesTheCode(BatchDecision decision, string code)
    {
        Assert.Equal($"{{\"decision\":\"{code}\"}}", JsonSerializer.Serialize(new { decision }, CamelCaseEnums));
    }
}
