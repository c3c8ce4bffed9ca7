using System.Text.Json;
using Microsoft.DurableTask.Converters;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Pipeline.Tests.Ingest;

/// <summary>
/// The workflow's payloads are persisted as JSON by the Durable Task SDK's converter (both hosts):
/// decisions and outcomes travel as their stable codes. Its default options keep property names
/// as declared (PascalCase).
/// </summary>
public sealed class IngestContractJsonTests
{
    private static readonly JsonDataConverter Converter = JsonDataConverter.Default;

    private static readonly ValidationCounts Counts = new(10, 8, 2, 3, 1, 0);

    [Fact]
    public void ValidatedBatch_Json_DecisionIsTheCodeAndRoundTrips()
    {
        var batch = new ValidatedBatch(BatchDecision.PartiallyAccepted, true, 1, Counts);

        var json = Converter.Serialize(batch)!;

        Assert.Equal("partially_accepted", JsonDocument.Parse(json).RootElement.GetProperty("Decision").GetString());
        Assert.Equal(batch, Converter.Deserialize<ValidatedBatch>(json));
    }

    [Fact]
    public void IngestOutcome_AlreadyIngested_HasNoDecisionAndRoundTrips()
    {
        var outcome = IngestOutcome.AlreadyIngested("S01", "visits@0123456789ab");

        var json = Converter.Serialize(outcome)!;
        var read = Converter.Deserialize<IngestOutcome>(json)!;

        Assert.True(read.AlreadyCompleted);
        Assert.Equal(outcome, read);
        Assert.False(JsonDocument.Parse(json).RootElement.TryGetProperty("AlreadyCompleted", out _));
    }

    [Fact]
    public void IngestOutcome_Processed_IsNotAlreadyCompleted()
    {
        Assert.False(new IngestOutcome("S01", "visits@0123456789ab", BatchDecision.Held, StoreCounts.None).AlreadyCompleted);
    }

    [Theory]
    [InlineData(IngestStartStatus.Started, "started")]
    [InlineData(IngestStartStatus.AlreadyRunning, "already_running")]
    [InlineData(IngestStartStatus.AlreadyCompleted, "already_completed")]
    [InlineData(IngestStartStatus.Restarted, "restarted")]
    [InlineData(IngestStartStatus.Ignored, "ignored")]
    public void IngestStartStatus_Json_IsTheSnakeCaseCode(IngestStartStatus status, string code)
    {
        var json = Converter.Serialize(new IngestStartOutcome("S01", "v.csv", status, "d"))!;

        Assert.Equal(code, JsonDocument.Parse(json).RootElement.GetProperty("Outcome").GetString());
    }
}
