using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using SpineMetsRegistry.Domain.Instruments;
using ParseError = SpineMetsRegistry.Domain.Instruments.ParseError;
using ParseResult = SpineMetsRegistry.Domain.Instruments.ParseResult;
using SpineMetsRegistry.Domain.Instruments.Disease;

namespace SpineMetsRegistry.Cli.Commands.Score;

/// <summary>
/// Options whose values are parsed by the Domain's own parsers, so a wrong code is a usage
/// error (exit 2) with the Domain's message listing what is accepted.
/// </summary>
internal static class ScoreOptions
{
    // Help shows the registry codes users type, not the enum member names.
    public static Option<T> Coded<T>(string name, CodeTable<T> table, string description)
        where T : struct, Enum
    {
        var option = Parsed(name, description, table.Parse);
        option.HelpName = string.Join("|", table.Codes);
        return option;
    }

    public static Option<T?> OptionalCoded<T>(string name, CodeTable<T> table, string description)
        where T : struct, Enum
    {
        var option = OptionalParsed(name, description, table.Parse);
        option.HelpName = string.Join("|", table.Codes);
        return option;
    }

    /// <summary>A required option parsed by a Domain parse function.</summary>
    public static Option<T> Parsed<T>(string name, string description, Func<string, ParseResult<T>> parse)
        where T : struct =>
        new(name)
        {
            Description = description,
            Required = true,
            CustomParser = result => ParseToken(result, parse) ?? default,
        };

    /// <summary>An optional option parsed by a Domain parse function; absent is <c>null</c>.</summary>
    public static Option<T?> OptionalParsed<T>(string name, string description, Func<string, ParseResult<T>> parse)
        where T : struct =>
        new(name)
        {
            Description = description,
            CustomParser = result => ParseToken(result, parse),
        };

    public static Option<PrimaryTumour> Primary() => Coded("--primary", DiseaseCodes.PrimaryTumour, "Primary tumour.");

    public static Option<VisceralMetastases> Visceral() =>
        Coded("--visceral", DiseaseCodes.VisceralMetastases, "Visceral metastases (Tomita: removable = treatable, unremovable = untreatable).");

    public static Option<int> Count(string name, string description, int minimum) =>
        Parsed(name, description, text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
                ? ParseResult.Success(value)
                : ParseResult.Failure<int>(ParseError.OutOfRangeCode, string.Create(CultureInfo.InvariantCulture, $"{name}: '{text}' is not a whole number of at least {minimum}.")));

    public static Option<decimal> Number(string name, string description) =>
        Parsed(name, description, ParseDecimal(name));

    public static Option<decimal?> OptionalNumber(string name, string description) =>
        OptionalParsed(name, description, ParseDecimal(name));

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    public static BoneMetastasisBurden Bone(System.CommandLine.ParseResult parseResult, Option<int> spinal, Option<int> extraspinal) =>
        BoneMetastasisBurden.Create(parseResult.GetValue(spinal), parseResult.GetValue(extraspinal)).TryGetValue(out var bone)
            ? bone
            : throw new InvalidOperationException("Counts were range-checked by their options.");

    public static (Option<int> Spinal, Option<int> Extraspinal) BoneCounts() =>
        (Count("--spinal", "Number of vertebral (spinal) metastases, at least 1.", 1),
         Count("--extraspinal", "Number of extraspinal bone metastases, 0 or more.", 0));

    private static Func<string, ParseResult<decimal>> ParseDecimal(string name) => text =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? ParseResult.Success(value)
            : ParseResult.Failure<decimal>(ParseError.MalformedCode, $"{name}: '{text}' is not a number (use '.' as the decimal separator).");

    private static T? ParseToken<T>(ArgumentResult result, Func<string, ParseResult<T>> parse)
        where T : struct
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (token is null)
        {
            result.AddError("Expected one value.");
            return null;
        }

        var parsed = parse(token);
        if (parsed.TryGetValue(out var value))
        {
            return value;
        }

        result.AddError(parsed.Error!.Message);
        return null;
    }
}
