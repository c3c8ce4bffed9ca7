namespace SpineMetsRegistry.Domain.Batches;

/// <summary>One CSV record as split by the tokenizer (a struct: one per row, never kept).</summary>
/// <param name="Row">The record's row number (blank rows and the header counted).</param>
/// <param name="Line">The physical line the record starts on.</param>
/// <param name="Fields">The fields kept (at most one more than the column limit).</param>
/// <param name="FieldCountSeen">Every field the record had, kept or not.</param>
/// <param name="Defects">Structural defects found while splitting it.</param>
/// <param name="IsBlank">Whether the row carries no data (empty, separators or whitespace only).</param>
/// <param name="MayHoldInvalidText">
/// Whether a block the record was read from holds a replacement character or NUL: only then
/// are its fields searched for them one by one (false means none of its fields holds one).
/// </param>
internal readonly record struct TokenizedRecord(int Row, long Line, string[] Fields, int FieldCountSeen, IReadOnlyList<RecordDefect> Defects, bool IsBlank, bool MayHoldInvalidText = true);
