using System.CommandLine;
using System.Globalization;
using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Change;
using SpineMetsRegistry.Domain.Instruments.Complications;
using SpineMetsRegistry.Domain.Instruments.Pain;
using SpineMetsRegistry.Domain.Instruments.Performance;

namespace SpineMetsRegistry.Cli.Commands.Score;

/// <summary>SAVES grading, KPS-ECOG conversion and change scores.</summary>
internal static class ClinicalScoreCommands
{
    public static Command Saves(CliConsole console)
    {
        var treatment = ScoreOptions.Flag("--treatment", "The event needed treatment beyond minimal care.");
        var extraDays = new Option<int>("--extra-days")
        {
            Description = "Days the event added to the hospital stay (default 0).",
            CustomParser = result => int.TryParse(result.Tokens.Single().Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
                ? days
                : Error(result, $"--extra-days: '{result.Tokens.Single().Value}' is not a whole number of days, 0 or more."),
        };
        var longTerm = ScoreOptions.Flag("--long-term-effect", "The event had an effect lasting more than 6 months.");
        var death = ScoreOptions.Flag("--death", "The event caused death.");
        var command = new Command("saves", "SAVES adverse-event grade (Rampersaud 2010) from the event's consequences.") { treatment, extraDays, longTerm, death };
        command.SetAction(parseResult => ScoreOutput.Write(console, SavesClassifier.Classify(new SavesComponents(
            parseResult.GetValue(treatment), parseResult.GetValue(extraDays), parseResult.GetValue(longTerm), parseResult.GetValue(death)))));
        return command;
    }

    public static Command KpsEcog(CliConsole console, ResolvedInstrumentSettings defaults)
    {
        var kps = ScoreOptions.OptionalParsed<KarnofskyScore>("--kps", "KPS to convert to ECOG.", KarnofskyScore.Parse);
        var ecog = ScoreOptions.OptionalParsed<EcogGrade>("--ecog", "ECOG grade to convert to KPS.", EcogGrade.Parse);
        var map = PrognosisScoreCommands.KpsEcogMapOption(defaults);
        var command = new Command("kps-ecog", "Convert KPS to ECOG or ECOG to KPS with a named map.") { kps, ecog, map };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(kps) is null) == (result.GetResult(ecog) is null))
            {
                result.AddError("Give exactly one of --kps and --ecog.");
            }
        });
        command.SetAction(parseResult => parseResult.GetValue(kps) is { } k
            ? ScoreOutput.Write(console, KpsEcogConverter.ToEcog(k, parseResult.GetValue(map)!))
            : ScoreOutput.Write(console, KpsEcogConverter.ToKps(parseResult.GetValue(ecog)!.Value, parseResult.GetValue(map)!)));
        return command;
    }

    public static Command Change(CliConsole console, ResolvedInstrumentSettings defaults)
    {
        var measure = ScoreOptions.Coded("--measure", ChangeCodes.Measure, "Measure.");
        var baseline = ScoreOptions.Number("--baseline", "Value at the earlier visit.");
        var followUp = ScoreOptions.Number("--follow-up", "Value at the later visit.");
        var mcid = ScoreOptions.OptionalNumber(
            "--mcid",
            string.Create(CultureInfo.InvariantCulture, $"MCID. Defaults: sosgoq_total {defaults.Mcid.SosgoqTotal}, eq5d_index {defaults.Mcid.Eq5dIndex}, nrs_pain {defaults.Mcid.NrsPain}."));
        var command = new Command("change", "Change between two visits and responder status against the MCID (direction-aware: lower NRS is better).")
        {
            measure, baseline, followUp, mcid,
        };
        command.SetAction(parseResult =>
        {
            var chosen = parseResult.GetValue(measure);
            var values = new[] { parseResult.GetValue(baseline), parseResult.GetValue(followUp) };
            foreach (var value in values.Where(v => !InRange(chosen, v)))
            {
                return ScoreOutput.UsageError(console, string.Create(CultureInfo.InvariantCulture, $"{ChangeCodes.Measure.ToCode(chosen)}: {value} is outside the measure's range ({RangeText(chosen)})."));
            }

            return ScoreOutput.Write(console, ChangeCalculator.Compute(chosen, values[0], values[1], parseResult.GetValue(mcid) ?? defaults.Mcid.For(chosen)));
        });
        return command;
    }

    private static bool InRange(ChangeMeasure measure, decimal value) => measure switch
    {
        ChangeMeasure.NrsPain => decimal.IsInteger(value) && NrsPain.Create((int)Math.Clamp(value, -1, NrsPain.Maximum + 1)).IsSuccess,
        ChangeMeasure.SosgoqTotal => value is >= 0 and <= 100,
        _ => value <= 1,
    };

    private static string RangeText(ChangeMeasure measure) => measure switch
    {
        ChangeMeasure.NrsPain => "integer 0-10",
        ChangeMeasure.SosgoqTotal => "0-100",
        _ => "at most 1",
    };

    private static int Error(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return 0;
    }
}
