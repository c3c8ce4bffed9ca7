namespace SpineMetsRegistry.Api.Audit;

/// <summary>What a handler served, as the audit filter records it.</summary>
/// <param name="Target">What was read or done (e.g. "S01/batch/validation.json").</param>
/// <param name="Detail">Counts or settings; never record values.</param>
/// <param name="Outcome">"ok", or e.g. "skipped".</param>
public sealed record AuditNote(string Target, string? Detail, string Outcome);
