namespace SpineMetsRegistry.Domain.Validation;

/// <summary>
/// One problem found in a batch: where (row, field), what (stable code, severity) and a
/// message a data manager can act on. Messages never contain cell values, so a report can
/// never echo an identifier.
/// </summary>
/// <param name="Row">The row as the data manager sees it (CSV: header = 1; JSON Lines: line number); 0 for the file itself.</param>
/// <param name="Field">The field (column) concerned, or null for the whole row/file.</param>
/// <param name="Code">Stable code from <see cref="ProblemCodes"/>, or a de-identification finding code (deid.&lt;part&gt;.&lt;category&gt;).</param>
/// <param name="Severity">Error (rejects the record or batch) or warning.</param>
/// <param name="Message">Human explanation, free of cell values.</param>
public sealed record ValidationProblem(int Row, string? Field, string Code, Severity Severity, string Message)
{
    /// <summary>Whether this problem holds the whole batch regardless of the row policy.</summary>
    public bool IsStructural { get; init; }

    /// <summary>The study ID of the row, when it is a well-formed study ID (never an arbitrary value).</summary>
    public string? StudyId { get; init; }

    /// <summary>
    /// An identifier finding of the de-identification gate: an error one quarantines the whole
    /// batch; a warning one was downgraded for its field by registry configuration.
    /// </summary>
    public bool IsIdentifier { get; init; }

    /// <summary>For identifier findings: the masked rendering of the value (never the value).</summary>
    public string? MaskedValue { get; init; }

    /// <summary>Creates an identifier finding.</summary>
    public static ValidationProblem Identifier(int row, string? field, string code, bool isError, string message, string? maskedValue) =>
        new(row, field, code, isError ? Severity.Error : Severity.Warning, message) { IsIdentifier = true, MaskedValue = maskedValue };

    /// <summary>Creates an error.</summary>
    public static ValidationProblem Error(int row, string? field, string code, string message) => new(row, field, code, Severity.Error, message);

    /// <summary>Creates a warning.</summary>
    public static ValidationProblem Warning(int row, string? field, string code, string message) => new(row, field, code, Severity.Warning, message);

    /// <summary>Creates a structural error that holds the whole batch.</summary>
    public static ValidationProblem Structural(int row, string? field, string code, string message) =>
        new(row, field, code, Severity.Error, message) { IsStructural = true };
}
