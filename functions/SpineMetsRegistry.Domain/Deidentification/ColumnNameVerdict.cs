namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// The outcome of <see cref="ColumnNameClassifier.Classify(string)"/>: whether a column name
/// suggests that the column holds identifiers, and why.
/// </summary>
public readonly record struct ColumnNameVerdict
{
    private ColumnNameVerdict(bool suggestsIdentifier, IdentifierCategory category, string matchedTerm, string language)
    {
        SuggestsIdentifier = suggestsIdentifier;
        Category = category;
        MatchedTerm = matchedTerm;
        Language = language;
    }

    /// <summary>A name that suggests no identifier.</summary>
    public static ColumnNameVerdict Clean { get; } = new(false, default, string.Empty, string.Empty);

    /// <summary><see langword="true"/> when the column name suggests an identifier.</summary>
    public bool SuggestsIdentifier { get; }

    /// <summary>The suggested category; meaningful only when <see cref="SuggestsIdentifier"/> is set.</summary>
    public IdentifierCategory Category { get; }

    /// <summary>
    /// The lexicon term that matched, folded (e.g. <c>geboortedatum</c>): text from the registry's
    /// own lexicon, never from the input, so it is safe to report. Empty when clean.
    /// </summary>
    public string MatchedTerm { get; }

    /// <summary>ISO 639-1 code of the matched term's language, or <c>intl</c>; empty when clean.</summary>
    public string Language { get; }

    /// <summary>Creates a verdict for a matched lexicon term.</summary>
    /// <param name="category">The category the term suggests.</param>
    /// <param name="matchedTerm">The folded lexicon term.</param>
    /// <param name="language">The term's language code.</param>
    public static ColumnNameVerdict Identifier(IdentifierCategory category, string matchedTerm, string language)
    {
        ArgumentException.ThrowIfNullOrEmpty(matchedTerm);
        ArgumentException.ThrowIfNullOrEmpty(language);
        return new ColumnNameVerdict(true, category, matchedTerm, language);
    }

    /// <summary>
    /// The verdict as a column-name finding (severity <see cref="FindingSeverity.Error"/>: per-field
    /// downgrades apply to values, not to column names), or <see langword="null"/> when clean.
    /// </summary>
    /// <param name="columnName">The column name that was classified (only its length is used).</param>
    public IdentifierFinding? ToFinding(string columnName)
    {
        ArgumentNullException.ThrowIfNull(columnName);
        return SuggestsIdentifier
            ? new IdentifierFinding(Category, FindingPart.ColumnName, 0, columnName.Length, MatchedTerm, FindingSeverity.Error)
            : null;
    }
}
