namespace SpineMetsRegistry.Domain.Validation;

/// <summary>The counts a data manager reads first: what was read, stored, rejected, and why.</summary>
public sealed record BatchValidationSummary
{
    /// <summary>Records read (header and blank rows excluded).</summary>
    public required int Records { get; init; }

    /// <summary>Records that will be stored.</summary>
    public required int Accepted { get; init; }

    /// <summary>Records that will not be stored (invalid, or valid but held with the batch).</summary>
    public required int Rejected { get; init; }

    /// <summary>Records with at least one error.</summary>
    public required int RecordsWithErrors { get; init; }

    /// <summary>
    /// Valid records not stored only because the whole batch is held or quarantined:
    /// <see cref="Rejected"/> is these plus the records with errors.
    /// </summary>
    public int HeldBack => Math.Max(0, Rejected - RecordsWithErrors);

    /// <summary>Records with at least one warning.</summary>
    public required int RecordsWithWarnings { get; init; }

    /// <summary>Error problems reported.</summary>
    public required int Errors { get; init; }

    /// <summary>Warning problems reported.</summary>
    public required int Warnings { get; init; }

    /// <summary>Identifier findings of error severity: any one quarantines the whole batch.</summary>
    public int IdentifierFindings { get; init; }

    /// <summary>Whether a structural problem (file, header, unknown column) holds the batch.</summary>
    public required bool HasStructuralProblems { get; init; }

    /// <summary>What happens to the batch.</summary>
    public required BatchDecision Decision { get; init; }

    /// <summary>The row policy applied.</summary>
    public required InvalidRowPolicy Policy { get; init; }

    /// <summary>Accepted records per record type.</summary>
    public required IReadOnlyDictionary<string, int> AcceptedByRecordType { get; init; }

    /// <summary>Problems per code.</summary>
    public required IReadOnlyDictionary<string, int> ProblemsByCode { get; init; }

    /// <summary>Whether checks against the registry's stored patients ran (false offline).</summary>
    public required bool CrossBatchChecksRan { get; init; }

    /// <summary>True when the batch has no errors at all.</summary>
    public bool IsClean => Errors == 0;
}
