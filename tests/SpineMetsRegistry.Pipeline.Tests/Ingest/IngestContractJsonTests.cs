using System.Text.Json;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Workflows.Local;

namespace SpineMetsRegistry.Pipeline.Tests.Ingest;

/// <summary>The workflow's payloads are persisted as JSON by both engines: decisions and outcomes travel as their stable codes.</summary>
public sealed class IngestContractJsonTests
{
    private static readonly ValidationCounts Counts = new(10, 8, 2, 3, 1, 0);

    [Fact]
    public void ValidatedBatch_Json_DecisionIsTheCodeAndRoundTrips()
    {
        var batch = new ValidatedBatch(BatchDecision.PartiallyAccepted, true, 1, Counts);

        var json = JsonSerializer.Serialize(batch, ActivityRegistry.Json);

        Assert.Equal("partially_accepted", JsonDocument.Parse(json).RootElement.GetProperty("decision").GetString());
        Assert.Equal(batch, JsonSerializer.Deserialize<ValidatedBatch>(json, ActivityRegistry.Json));
    }

    [Fact]
    public void IngestOutcome_AlreadyIngested_HasNoDecisionAndRoundTrips()
    {
        var outcome = IngestOutcome.AlreadyIngested("S01", "visits@0123456789ab");

        var json = JsonSerializer.Serialize(outcome, ActivityRegistry.Json);
        var read = JsonSerializer.Deserialize<IngestOutcome>(json, ActivityRegistry.Json)!;

        Assert.True(read.AlreadyCompleted);
        Assert.Equal(outcome, read);
        Assert.False(JsonDocument.Parse(json).RootElement.TryGetProperty("alreadyCompleted", out _));
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
        var json = JsonSerializer.Serialize(new IngestStartOutcome("S01", "v.csv", status, "d"), ActivityRegistry.Json);

        Assert.Equal(code, JsonDocument.Parse(json).RootElement.GetProperty("outcome").GetString());
    }
}
