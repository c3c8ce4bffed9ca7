namespace SpineMetsRegistry.Domain.Deidentification.Text;

/// <summary>
/// Splits a column name into folded tokens: separators (anything that is not a letter or digit:
/// space, <c>_</c>, <c>-</c>, <c>.</c>, apostrophes) and camelCase boundaries end a token
/// ("patientDOB", "IPAddress", "Date of Birth", "date-de-naissance" all split the expected way),
/// then each token is folded to lower-case ASCII.
/// </summary>
internal static class ColumnNameTokenizer
{
    /// <summary>Returns the folded tokens of <paramref name="columnName"/>.</summary>
    public static IReadOnlyList<string> Tokenize(string columnName)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= columnName.Length; i++)
        {
            var isPart = i < columnName.Length && char.IsLetterOrDigit(columnName[i]);
            if (isPart && start >= 0 && IsCamelBoundary(columnName, i))
            {
                tokens.Add(LatinFolding.Fold(columnName[start..i]));
                start = i;
            }

            if (isPart && start < 0)
            {
                start = i;
            }
            else if (!isPart && start >= 0)
            {
                tokens.Add(LatinFolding.Fold(columnName[start..i]));
                start = -1;
            }
        }

        return tokens;
    }

    // A boundary before position i: "aB" (lower or digit then upper) or "ABc" (the last capital
    // of an acronym starts the next word).
    private static bool IsCamelBoundary(string s, int i)
    {
        var current = s[i];
        var previous = s[i - 1];
        if (!char.IsUpper(current))
        {
            return false;
        }

        if (char.IsLower(previous) || char.IsDigit(previous))
        {
            return true;
        }

        return char.IsUpper(previous) && i + 1 < s.Length && char.IsLower(s[i + 1]);
    }
}
