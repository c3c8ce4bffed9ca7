using System.Globalization;
using Azure.Data.Tables;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Ledger;

/// <summary>
/// The ledger's rows in one table, partitioned by site. A batch has a summary row
/// (<c>summary|&lt;batchKey&gt;</c>) and one history row per status reached
/// (<c>event|&lt;batchKey&gt;|&lt;NN&gt;-&lt;Status&gt;</c>, NN the status's number), so a repeated
/// status overwrites its own row. The two RowKey families keep the summaries in one RowKey
/// range: listing a site's batches never reads their histories.
/// </summary>
internal static class LedgerRows
{
    public const string SummaryFamily = "summary";
    public const string EventFamily = "event";

    public static string SummaryKey(string batchKey) => TableKey.Of(SummaryFamily, batchKey);

    public static (string From, string To) SummaryRange() => TableKey.PrefixRange(SummaryFamily);

    public static (string From, string To) EventRange(string batchKey) => TableKey.PrefixRange(EventFamily, batchKey);

    public static string EventKey(string batchKey, BatchStatus status) =>
        TableKey.Of(EventFamily, batchKey, string.Create(CultureInfo.InvariantCulture, $"{(int)status:D2}-{status}"));

    public static TableEntity ToSummary(BatchLedgerEntry entry)
    {
        var entity = new TableEntity(TableKey.Of(entry.Site), SummaryKey(entry.BatchKey))
        {
            ["Site"] = entry.Site,
            ["BatchKey"] = entry.BatchKey,
            ["BatchId"] = entry.BatchId,
            ["FileName"] = entry.FileName,
            ["Sha256"] = entry.Sha256,
            ["SizeBytes"] = entry.SizeBytes,
            ["Status"] = entry.Status.ToString(),
            ["StatusCode"] = (int)entry.Status,
            ["ReceivedAt"] = entry.ReceivedAt,
            ["UpdatedAt"] = entry.UpdatedAt,
        };
        entity.SetIfPresent("Decision", entry.Decision is { } decision ? BatchDecisionCodes.ToCode(decision) : null);
        entity.SetIfPresent("DictionaryVersion", entry.DictionaryVersion);
        LongText.Write(entity, "FailureReason", entry.FailureReason);
        if (entry.Validation is { } validation)
        {
            entity["ValidationRecords"] = validation.Records;
            entity["ValidationAccepted"] = validation.Accepted;
            entity["ValidationRejected"] = validation.Rejected;
            entity["ValidationErrors"] = validation.Errors;
            entity["ValidationWarnings"] = validation.Warnings;
            entity["ValidationIdentifierFindings"] = validation.IdentifierFindings;
        }

        if (entry.Stored is { } stored)
        {
            entity["StoredInserted"] = stored.Inserted;
            entity["StoredUpdated"] = stored.Updated;
            entity["StoredUnchanged"] = stored.Unchanged;
            entity["StoredWithdrawn"] = stored.Withdrawn;
        }

        return entity;
    }

    public static BatchLedgerEntry FromSummary(TableEntity entity) => new()
    {
        Site = entity.RequireString("Site"),
        BatchKey = entity.RequireString("BatchKey"),
        BatchId = entity.RequireString("BatchId"),
        FileName = entity.RequireString("FileName"),
        Sha256 = entity.RequireString("Sha256"),
        SizeBytes = entity.RequireInt64("SizeBytes"),
        Status = entity.RequireEnum<BatchStatus>("Status"),
        ReceivedAt = entity.RequireDateTimeOffset("ReceivedAt"),
        UpdatedAt = entity.RequireDateTimeOffset("UpdatedAt"),
        Decision = ReadDecision(entity),
        DictionaryVersion = entity.GetString("DictionaryVersion"),
        FailureReason = LongText.Read(entity, "FailureReason"),
        Validation = entity.GetInt32("ValidationRecords") is null
            ? null
            : new ValidationCounts(
                entity.RequireInt32("ValidationRecords"),
                entity.RequireInt32("ValidationAccepted"),
                entity.RequireInt32("ValidationRejected"),
                entity.RequireInt32("ValidationErrors"),
                entity.RequireInt32("ValidationWarnings"),
                entity.RequireInt32("ValidationIdentifierFindings")),
        Stored = entity.GetInt32("StoredInserted") is null
            ? null
            : new StoreCounts(
                entity.RequireInt32("StoredInserted"),
                entity.RequireInt32("StoredUpdated"),
                entity.RequireInt32("StoredUnchanged"),
                entity.RequireInt32("StoredWithdrawn")),
    };

    /// <summary>The decision column holds the snake_case code, as it always has; an unknown code is a corrupt row, not a guess.</summary>
    private static BatchDecision? ReadDecision(TableEntity entity) => entity.GetString("Decision") switch
    {
        null => null,
        var code when BatchDecisionCodes.TryParse(code, out var decision) => decision,
        _ => throw new InvalidDataException($"Ledger row {entity.PartitionKey}/{entity.RowKey} has an unknown Decision code."),
    };

    public static TableEntity ToEvent(string site, string batchKey, BatchLedgerEvent status)
    {
        var entity = new TableEntity(TableKey.Of(site), EventKey(batchKey, status.Status))
        {
            ["Site"] = site,
            ["BatchKey"] = batchKey,
            ["Status"] = status.Status.ToString(),
            ["StatusCode"] = (int)status.Status,
            ["At"] = status.At,
        };
        LongText.Write(entity, "Detail", status.Detail);
        return entity;
    }

    public static BatchLedgerEvent FromEvent(TableEntity entity) =>
        new(entity.RequireEnum<BatchStatus>("Status"), entity.RequireDateTimeOffset("At"), LongText.Read(entity, "Detail") ?? string.Empty);
}
