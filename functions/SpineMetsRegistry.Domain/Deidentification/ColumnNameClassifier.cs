using SpineMetsRegistry.Domain.Deidentification.Lexicons;
using SpineMetsRegistry.Domain.Deidentification.Text;

namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// Says whether a column (header or field) name suggests that the column holds identifiers, in
/// English, Dutch, German, French and Spanish common forms. Case, accents and separators
/// (space, <c>_</c>, <c>-</c>, <c>.</c>, camelCase) are ignored.
/// </summary>
/// <remarks>
/// <para>Rules, in order of evaluation:</para>
/// <list type="number">
/// <item>The name is split into folded tokens (<c>patientDOB</c> gives <c>patient</c>, <c>dob</c>)
/// and also joined into one separator-free string (<c>patientdob</c>).</item>
/// <item>Short or ambiguous terms must equal a whole token: <c>ip</c> matches <c>client_ip</c> but
/// not <c>primary</c> or <c>script</c>; <c>dob</c> and <c>ssn</c> never match inside a word.</item>
/// <item>Long, distinctive terms match anywhere in the joined string, so compounds are found with
/// or without separators (<c>DateOfBirth</c>, <c>geboortedatum</c>, <c>Versicherungsnummer</c>).</item>
/// <item>The words for "name" (<c>name</c>, <c>naam</c>, <c>nom</c>, <c>nome</c>) match as a token or as
/// the head of a compound (<c>patientname</c>), unless another token names a thing rather than a
/// person: <c>tumour_name</c>, <c>drug_name</c>, <c>hospital_name</c> and <c>nom_medicament</c> are
/// not flagged; <c>surname</c> always is. Spanish <c>nombre</c> is flagged alone or in the Spanish
/// compounds of the lexicon (French <c>nombre_de_lesions</c> means "number of lesions").</item>
/// <item>When several terms match, the longest wins (<c>license_plate</c> is a vehicle identifier,
/// <c>email_address</c> an e-mail address, <c>ip_address</c> an IP address).</item>
/// </list>
/// <para>Pure and thread-safe.</para>
/// </remarks>
public static class ColumnNameClassifier
{
    /// <summary>Classifies one column name.</summary>
    /// <param name="columnName">The header or field name as written by the site.</param>
    /// <returns>The verdict; <see cref="ColumnNameVerdict.Clean"/> when nothing matched.</returns>
    public static ColumnNameVerdict Classify(string columnName)
    {
        ArgumentNullException.ThrowIfNull(columnName);
        var tokens = ColumnNameTokenizer.Tokenize(columnName);
        if (tokens.Count == 0)
        {
            return ColumnNameVerdict.Clean;
        }

        var joined = string.Concat(tokens);
        ColumnTerm? best = null;
        foreach (var term in ColumnTermLexicon.Terms)
        {
            if ((best is null || term.Term.Length > best.Term.Length) && Matches(term, tokens, joined))
            {
                best = term;
            }
        }

        if (best is null && IsSpanishNombreAlone(tokens))
        {
            return ColumnNameVerdict.Identifier(IdentifierCategory.PersonName, "nombre", "es");
        }

        return best is null
            ? ColumnNameVerdict.Clean
            : ColumnNameVerdict.Identifier(best.Category, best.Term, best.Language);
    }

    private static bool Matches(ColumnTerm term, IReadOnlyList<string> tokens, string joined) => term.Match switch
    {
        ColumnTermMatch.Token => tokens.Contains(term.Term, StringComparer.Ordinal),
        ColumnTermMatch.Contains => joined.Contains(term.Term, StringComparison.Ordinal),
        ColumnTermMatch.NameWord => MatchesNameWord(term.Term, tokens),
        _ => false,
    };

    private static bool MatchesNameWord(string nameWord, IReadOnlyList<string> tokens)
    {
        var found = false;
        foreach (var token in tokens)
        {
            if (ColumnTermLexicon.NonPersonQualifiers.Contains(token))
            {
                return false;
            }

            if (token.Length > nameWord.Length && token.EndsWith(nameWord, StringComparison.Ordinal))
            {
                // A compound such as "tumourname": its first element may itself be a qualifier.
                var head = token[..^nameWord.Length];
                if (ColumnTermLexicon.NonPersonQualifiers.Contains(head))
                {
                    return false;
                }

                // Only compounds of the Germanic languages put "name" last; in French "nom" inside
                // a word ("pronom", "autonome") is not the word "name".
                found |= nameWord is "name" or "naam" or "namen" or "names";
            }
            else if (token == nameWord)
            {
                found = true;
            }
        }

        return found;
    }

    private static bool IsSpanishNombreAlone(IReadOnlyList<string> tokens) =>
        tokens.Count == 1 && tokens[0] == "nombre";
}
