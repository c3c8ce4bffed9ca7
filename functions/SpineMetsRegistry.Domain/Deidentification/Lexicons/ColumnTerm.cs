namespace SpineMetsRegistry.Domain.Deidentification.Lexicons;

/// <summary>One entry of the column-name lexicon.</summary>
/// <param name="Term">The folded (lower-case, accent-free, separator-free) term.</param>
/// <param name="Category">The identifier category a match suggests.</param>
/// <param name="Match">How the term is compared with a column name.</param>
/// <param name="Language">ISO 639-1 code of the language the term comes from, or <c>intl</c>.</param>
internal sealed record ColumnTerm(string Term, IdentifierCategory Category, ColumnTermMatch Match, string Language);
