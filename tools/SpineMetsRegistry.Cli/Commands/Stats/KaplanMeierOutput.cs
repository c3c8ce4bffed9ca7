using System.Globalization;
using System.Text.Json;
using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Cli.Commands.Stats;

/// <summary>Writes a Kaplan-Meier curve as JSON or as a table for people.</summary>
internal static class KaplanMeierOutput
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static void WriteJson(KaplanMeierCurve curve, TextWriter output)
    {
        var document = new
        {
            n = curve.Total,
            events = curve.Events,
            median = curve.Median.Median,
            medianConfidenceInterval = new { lower = curve.Median.Lower, upper = curve.Median.Upper, method = "Brookmeyer-Crowley, log-log" },
            confidenceInterval = "95% log-log (Kalbfleisch-Prentice); standard error by Greenwood",
            steps = curve.Steps.Select(s => new
            {
                time = s.Time,
                atRisk = s.AtRisk,
                events = s.Events,
                censored = s.Censored,
                survival = s.Survival,
                standardError = s.StandardError,
                lower = s.Lower,
                upper = s.Upper,
            }),
        };
        output.WriteLine(JsonSerializer.Serialize(document, Json));
    }

    public static void WriteTable(KaplanMeierCurve curve, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"Kaplan-Meier estimate: {curve.Total} patients, {curve.Events} events."));
        output.WriteLine();
        output.WriteLine(string.Create(inv, $"{"time",10} {"at risk",8} {"events",7} {"censored",9} {"survival",9} {"std err",8} {"lower 95%",10} {"upper 95%",10}"));
        foreach (var s in curve.Steps)
        {
            output.WriteLine(string.Create(inv,
                $"{s.Time,10} {s.AtRisk,8} {s.Events,7} {s.Censored,9} {s.Survival,9:0.0000} {s.StandardError,8:0.0000} {Limit(s.Lower),10} {Limit(s.Upper),10}"));
        }

        output.WriteLine();
        output.WriteLine(string.Create(inv,
            $"Median survival: {Time(curve.Median.Median)} (95% CI {Time(curve.Median.Lower)} to {Time(curve.Median.Upper)}; Brookmeyer-Crowley, log-log)."));
        output.WriteLine("Confidence limits: 95% log-log (Kalbfleisch-Prentice); standard errors by Greenwood. Censored: from this time up to the next event time.");
    }

    private static string Limit(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-";

    private static string Time(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "not reached";
}
