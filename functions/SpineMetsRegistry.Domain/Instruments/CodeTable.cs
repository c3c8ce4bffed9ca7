using System.Collections.Frozen;

namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>
/// The registry data-dictionary codes of one categorical input and the enum value each code
/// stands for. Parsing is case-insensitive; <see cref="ToCode"/> gives the canonical code.
/// Every enum member has exactly one code (checked when the table is built).
/// </summary>
/// <typeparam name="TValue">The enum the codes map to.</typeparam>
public sealed class CodeTable<TValue>
    where TValue : struct, Enum
{
    private readonly FrozenDictionary<string, TValue> byCode;
    private readonly FrozenDictionary<TValue, string> byValue;

    internal CodeTable(string inputName, params (TValue Value, string Code)[] entries)
    {
        InputName = inputName;
        var members = Enum.GetValues<TValue>();
        if (entries.Length != members.Length || entries.Select(e => e.Value).Distinct().Count() != members.Length)
        {
            // A programming error in a static table, caught by the tests at type initialisation.
            throw new InvalidOperationException($"Code table '{inputName}' must give every {typeof(TValue).Name} member exactly one code.");
        }

        byCode = entries.ToFrozenDictionary(e => e.Code, e => e.Value, StringComparer.OrdinalIgnoreCase);
        byValue = entries.ToFrozenDictionary(e => e.Value, e => e.Code);
        Codes = entries.Select(e => e.Code).ToArray();
    }

    /// <summary>The input these codes belong to (used in messages).</summary>
    public string InputName { get; }

    /// <summary>The canonical codes, in data-dictionary order.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>Parses a code (case-insensitive).</summary>
    /// <param name="code">The code text.</param>
    /// <returns>The value, or an error listing the accepted codes.</returns>
    public ParseResult<TValue> Parse(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return ParseResult.Failure<TValue>(ParseError.MissingCode, $"{InputName}: no code given; expected one of {string.Join(", ", Codes)}.");
        }

        return byCode.TryGetValue(code, out var value)
            ? ParseResult.Success(value)
            : ParseResult.Failure<TValue>(ParseError.UnknownCode, $"{InputName}: '{code}' is not a valid code; expected one of {string.Join(", ", Codes)}.");
    }

    /// <summary>Parses a code (case-insensitive) without an error description.</summary>
    /// <param name="code">The code text.</param>
    /// <param name="value">The value on success.</param>
    /// <returns>True when the code is known.</returns>
    public bool TryParse(string? code, out TValue value) => Parse(code).TryGetValue(out value);

    /// <summary>The canonical code of a value.</summary>
    /// <param name="value">An enum value.</param>
    public string ToCode(TValue value) => byValue[value];

    /// <summary>The canonical code of a value, or <c>null</c> when the value is absent (not recorded).</summary>
    /// <param name="value">An enum value or <c>null</c>.</param>
    public string? ToCodeOrNull(TValue? value) => value is { } present ? byValue[present] : null;
}
