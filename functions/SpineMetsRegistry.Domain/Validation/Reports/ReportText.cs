namespace SpineMetsRegistry.Domain.Validation.Reports;

/// <summary>Shared wording and stable codes for report renderings, receipts and the ledger.</summary>
public static class ReportText
{
    /// <summary>The lower-case severity word.</summary>
    public static string Severity(Severity severity) => severity == Validation.Severity.Error ? "error" : "warning";

    /// <summary>The stable code of a decision ("accepted", "partially_accepted", "held", "rejected", "quarantined").</summary>
    public static string Decision(BatchDecision decision) => BatchDecisionCodes.ToCode(decision);

    /// <summary>The stable code of a row policy.</summary>
    public static string Policy(InvalidRowPolicy policy) => policy == InvalidRowPolicy.AcceptValidRows ? "accept_valid_rows" : "hold_whole_batch";

    /// <summary>What happens to the batch and what to do next, in one sentence.</summary>
    public static string Explain(BatchValidationSummary summary) => summary.Decision switch
    {
        BatchDecision.Accepted => "Every record is valid and will be stored.",
        BatchDecision.PartiallyAccepted => "The valid records will be stored; correct the rejected rows and upload them again.",
        BatchDecision.Held when summary.HasStructuralProblems => "Nothing will be stored: the file itself has problems (encoding, header or columns). Fix them and upload the whole file again.",
        BatchDecision.Held => "Nothing will be stored: the registry holds a batch with any error (hold-whole-batch policy). Fix every error and upload again.",
        BatchDecision.Rejected => "Nothing will be stored: no record is valid.",
        BatchDecision.Quarantined => "Nothing will be stored: the batch contains what looks like personal identifiers (shown masked above). The whole file is quarantined; remove the identifiers and upload the corrected file.",
        _ => string.Empty,
    };
}
