using System.CommandLine;
using System.Globalization;
using SpineMetsRegistry.Domain.Instruments;
using ParseResult = SpineMetsRegistry.Domain.Instruments.ParseResult;
using SpineMetsRegistry.Domain.Instruments.Bilsky;
using SpineMetsRegistry.Domain.Instruments.Disease;

namespace SpineMetsRegistry.Cli.Commands.Score;

/// <summary>Bilsky ESCC classification and the NOMS pathway suggestion.</summary>
internal static class BilskyScoreCommands
{
    public static Command Bilsky(CliConsole console, ResolvedInstrumentSettings defaults)
    {
        var grade = ScoreOptions.Coded("--grade", BilskyCodes.Grade, "Bilsky ESCC grade.");
        var policy = PolicyOption(defaults);
        var command = new Command("bilsky", "Bilsky ESCC grade classed low or high (Bilsky 2010).") { grade, policy };
        command.SetAction(parseResult => ScoreOutput.Write(console, BilskyClassifier.Classify(
            parseResult.GetValue(grade), parseResult.GetValue(policy) ?? defaults.BilskyGrade1cPolicy)));
        return command;
    }

    public static Command Noms(CliConsole console, ResolvedInstrumentSettings defaults)
    {
        var primary = ScoreOptions.Primary();
        var escc = ScoreOptions.Coded("--bilsky", BilskyCodes.Grade, "Bilsky ESCC grade.");
        var sins = ScoreOptions.OptionalParsed<int>("--sins", "SINS total 0-18 (optional; without it stabilisation is 'not assessed').", text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var total) && total <= 18
                ? ParseResult.Success(total)
                : ParseResult.Failure<int>(ParseError.OutOfRangeCode, $"--sins: '{text}' is not a SINS total 0-18."));
        var policy = PolicyOption(defaults);
        var radiosensitive = new Option<string[]>("--radiosensitive")
        {
            Description = $"Primary-tumour codes to treat as radiosensitive, replacing the default ({string.Join(", ", defaults.Radiosensitivity.Radiosensitive.Select(DiseaseCodes.PrimaryTumour.ToCode))}).",
            AllowMultipleArgumentsPerToken = true,
        };
        radiosensitive.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (DiseaseCodes.PrimaryTumour.Parse(token.Value).Error is { } error)
                {
                    result.AddError(error.Message);
                }
            }
        });
        var command = new Command("noms", "NOMS pathway suggestion (Laufer 2013): cEBRT, SRS or separation surgery then SRS; stabilisation from SINS.")
        {
            primary, escc, sins, policy, radiosensitive,
        };
        command.SetAction(parseResult =>
        {
            var map = parseResult.GetValue(radiosensitive) is { Length: > 0 } codes
                ? new RadiosensitivityMap(RadiosensitivityMap.ConfiguredName, codes.Select(c => DiseaseCodes.PrimaryTumour.TryParse(c, out var p) ? p : throw new InvalidOperationException("validated")))
                : defaults.Radiosensitivity;
            return ScoreOutput.Write(console, NomsPathway.Suggest(
                new NomsInput(parseResult.GetValue(primary), parseResult.GetValue(escc), parseResult.GetValue(sins)),
                map,
                parseResult.GetValue(policy) ?? defaults.BilskyGrade1cPolicy));
        });
        return command;
    }

    private static Option<BilskyGrade1cPolicy?> PolicyOption(ResolvedInstrumentSettings defaults) =>
        ScoreOptions.OptionalCoded(
            "--grade-1c-policy",
            BilskyCodes.Grade1cPolicy,
            $"How grade 1c is classed. Default: {BilskyCodes.Grade1cPolicy.ToCode(defaults.BilskyGrade1cPolicy)}.");
}
