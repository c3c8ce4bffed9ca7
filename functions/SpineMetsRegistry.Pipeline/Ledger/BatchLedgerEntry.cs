using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Pipeline.Ledger;

/// <summary>Counts from validation.</summary>
/// <param name="Records">Records read.</param>
/// <param name="Accepted">Records to store.</param>
/// <param name="Rejected">Records not stored.</param>
/// <param name="Errors">Error problems.</param>
/// <param name="Warnings">Warning problems.</param>
/// <param name="IdentifierFindings">De-identification findings (any one quarantines the batch).</param>
public sealed record ValidationCounts(int Records, int Accepted, int Rejected, int Errors, int Warnings, int IdentifierFindings);

/// <summary>Counts from storing.</summary>
/// <param name="Inserted">New records.</param>
/// <param name="Updated">Records that replaced an earlier version (corrections).</param>
/// <param name="Unchanged">Records identical to the stored version (no-op).</param>
/// <param name="Withdrawn">Patients withdrawn (all their records removed).</param>
public sealed record StoreCounts(int Inserted, int Updated, int Unchanged, int Withdrawn)
{
    /// <summary>No records.</summary>
    public static StoreCounts None { get; } = new(0, 0, 0, 0);

    /// <summary>Adds two counts.</summary>
    public StoreCounts Add(StoreCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Inserted + other.Inserted, Updated + other.Updated, Unchanged + other.Unchanged, Withdrawn + other.Withdrawn);
    }
}

/// <summary>The current state of one batch (one ledger summary row).</summary>
public sealed record BatchLedgerEntry
{
    /// <summary>Site code.</summary>
    public required string Site { get; init; }

    /// <summary>Batch key value (see <see cref="BatchKey.Value"/>).</summary>
    public required string BatchKey { get; init; }

    /// <summary>The site's batch ID.</summary>
    public required string BatchId { get; init; }

    /// <summary>The uploaded file name.</summary>
    public required string FileName { get; init; }

    /// <summary>SHA-256 of the bytes.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Size in bytes.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>The latest status reached.</summary>
    public required BatchStatus Status { get; init; }

    /// <summary>When the batch was received (workflow clock).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When the status last changed (workflow clock).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Validation decision, once known (stored and serialised as its snake_case code).</summary>
    public BatchDecision? Decision { get; init; }

    /// <summary>Validation counts, once validated.</summary>
    public ValidationCounts? Validation { get; init; }

    /// <summary>Storing counts, once stored.</summary>
    public StoreCounts? Stored { get; init; }

    /// <summary>Why processing failed (never contains record values).</summary>
    public string? FailureReason { get; init; }

    /// <summary>The data dictionary version validated against.</summary>
    public string? DictionaryVersion { get; init; }
}

/// <summary>One status change in a batch's history.</summary>
/// <param name="Status">The status reached.</param>
/// <param name="At">When (workflow clock).</param>
/// <param name="Detail">Short detail (counts, reason); never record values.</param>
public sealed record BatchLedgerEvent(BatchStatus Status, DateTimeOffset At, string Detail);
