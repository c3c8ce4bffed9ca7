using System.Buffers;
using System.Text.RegularExpressions;

namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// Validated configuration of the value scanner: the per-field severity downgrades. A category
/// can be turned into a warning only for a named field, never globally: rules naming no field,
/// a wildcard, or an unknown category are rejected, as is any rule for <c>scan_inconclusive</c>.
/// </summary>
public sealed partial class DeidentificationSettings
{
    private static readonly SearchValues<char> WildcardCharacters = SearchValues.Create("*?%[]{}|^$+\\");

    private readonly HashSet<(string Field, IdentifierCategory Category)> downgrades;

    private DeidentificationSettings(IReadOnlyList<SeverityDowngradeRule> rules)
    {
        Rules = rules;
        downgrades = rules.Select(r => (r.Field, r.Category)).ToHashSet();
    }

    /// <summary>No downgrades: every finding is an error.</summary>
    public static DeidentificationSettings Default { get; } = new([]);

    /// <summary>The validated downgrade rules.</summary>
    public IReadOnlyList<SeverityDowngradeRule> Rules { get; }

    /// <summary>Validates configured rules and builds settings, or reports every problem.</summary>
    /// <param name="rules">The rules as configured; <see langword="null"/> means none.</param>
    public static DeidentificationSettingsResult Create(IEnumerable<SeverityDowngradeOptions?>? rules)
    {
        var problems = new List<SettingsProblem>();
        var accepted = new List<SeverityDowngradeRule>();
        var index = -1;
        foreach (var rule in rules ?? [])
        {
            index++;
            var field = rule?.Field?.Trim();
            var code = rule?.Category?.Trim();
            var fieldOk = CheckField(index, field, problems);
            var categoryOk = CheckCategory(index, code, problems, out var category);
            if (!fieldOk || !categoryOk)
            {
                continue;
            }

            if (accepted.Exists(r => r.Field == field && r.Category == category))
            {
                problems.Add(new SettingsProblem(index, SettingsProblem.DuplicateRule,
                    $"Rule {index}: field '{field}' and category '{code}' are already downgraded by an earlier rule."));
                continue;
            }

            accepted.Add(new SeverityDowngradeRule(field!, category));
        }

        return problems.Count == 0
            ? DeidentificationSettingsResult.Success(new DeidentificationSettings(accepted))
            : DeidentificationSettingsResult.Failure(problems);
    }

    /// <summary>Whether findings of <paramref name="category"/> in <paramref name="fieldCode"/> are warnings.</summary>
    /// <param name="fieldCode">The field code (compared exactly).</param>
    /// <param name="category">The finding's category.</param>
    public bool IsDowngraded(string fieldCode, IdentifierCategory category) =>
        category != IdentifierCategory.ScanInconclusive && downgrades.Contains((fieldCode, category));

    private static bool CheckField(int index, string? field, List<SettingsProblem> problems)
    {
        if (string.IsNullOrEmpty(field))
        {
            problems.Add(new SettingsProblem(index, SettingsProblem.FieldMissing,
                $"Rule {index}: a downgrade must name one field; downgrading a category everywhere is not allowed."));
            return false;
        }

        if (field.AsSpan().IndexOfAny(WildcardCharacters) >= 0 || field is "all" or "any" or "ALL" or "ANY")
        {
            problems.Add(new SettingsProblem(index, SettingsProblem.FieldWildcard,
                $"Rule {index}: field '{field}' is a wildcard; name exactly one field."));
            return false;
        }

        if (!FieldCode().IsMatch(field))
        {
            problems.Add(new SettingsProblem(index, SettingsProblem.FieldInvalid,
                $"Rule {index}: field '{field}' is not a field code (lower-case letters, digits and underscores, starting with a letter)."));
            return false;
        }

        return true;
    }

    private static bool CheckCategory(int index, string? code, List<SettingsProblem> problems, out IdentifierCategory category)
    {
        category = default;
        if (string.IsNullOrEmpty(code))
        {
            problems.Add(new SettingsProblem(index, SettingsProblem.CategoryMissing, $"Rule {index}: a downgrade must name a category."));
            return false;
        }

        if (!IdentifierCategoryCodes.TryParse(code, out category))
        {
            problems.Add(new SettingsProblem(index, SettingsProblem.CategoryUnknown,
                $"Rule {index}: '{code}' is not an identifier category code."));
            return false;
        }

        if (category == IdentifierCategory.ScanInconclusive)
        {
            problems.Add(new SettingsProblem(index, SettingsProblem.CategoryNotDowngradable,
                $"Rule {index}: an inconclusive scan is always an error and cannot be downgraded."));
            return false;
        }

        return true;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldCode();
}
