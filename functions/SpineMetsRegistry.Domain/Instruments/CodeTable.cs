using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace SpineMetsRegistry.Domain.Instruments;

/// <summary>
/// The registry data-dictionary codes of one categorical input and the enum value each code
/// stands for. The codes are declared once, on the enum members, with
/// <see cref="JsonStringEnumMemberNameAttribute"/>: the same codes therefore appear in JSON
/// written with a <see cref="JsonStringEnumConverter"/>. Parsing is case-insensitive;
/// <see cref="ToCode"/> gives the canonical code.
/// </summary>
/// <typeparam name="TValue">The enum the codes map to.</typeparam>
public sealed class CodeTable<TValue>
    where TValue : struct, Enum
{
    private readonly FrozenDictionary<string, TValue> byCode;
    private readonly FrozenDictionary<TValue, string> byValue;

    internal CodeTable(string inputName)
    {
        InputName = inputName;
        var entries = Enum.GetValues<TValue>().Select(value => (Value: value, Code: CodeOf(value))).ToArray();
        byCode = entries.ToFrozenDictionary(e => e.Code, e => e.Value, StringComparer.OrdinalIgnoreCase);
        byValue = entries.ToFrozenDictionary(e => e.Value, e => e.Code);
        if (byCode.Count != entries.Length)
        {
            // A programming error in an enum declaration, caught by the tests at type initialisation.
            throw new InvalidOperationException($"Code table '{inputName}': two {typeof(TValue).Name} members share a code.");
        }

        Codes = entries.Select(e => e.Code).ToArray();
    }

    /// <summary>The input these codes belong to (used in messages).</summary>
    public string InputName { get; }

    /// <summary>The canonical codes, in declaration order.</summary>
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

    private static string CodeOf(TValue value)
    {
        var member = typeof(TValue).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static);
        return member?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{typeof(TValue).Name}.{value} has no registry code ([JsonStringEnumMemberName]).");
    }
}
