using System.Globalization;
using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Cli.Commands.Stats;

/// <summary>
/// Reads the <c>time,event</c> CSV of <c>spinemets stats km</c>: a header line <c>time,event</c>,
/// then one line per patient with a non-negative number and 1 (event) or 0 (censored). Blank
/// lines are ignored. Every problem is reported with its line number; values are never echoed
/// (an input file may hold anything, identifiers included).
/// </summary>
internal static class SurvivalCsvReader
{
    public static (IReadOnlyList<SurvivalObservation> Observations, IReadOnlyList<string> Problems) Read(TextReader reader)
    {
        var observations = new List<SurvivalObservation>();
        var problems = new List<string>();
        var lineNumber = 0;
        var sawHeader = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!sawHeader)
            {
                sawHeader = true;
                var header = line.TrimStart('\uFEFF').Split(',').Select(h => h.Trim()).ToArray();
                if (header is not ["time", "event"])
                {
                    problems.Add($"line {lineNumber}: the header must be exactly 'time,event'.");
                    return (observations, problems);
                }

                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 2)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: expected 2 fields (time,event), found {fields.Length}."));
                continue;
            }

            if (!decimal.TryParse(fields[0].Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var time))
            {
                problems.Add($"line {lineNumber}: time is not a number.");
            }
            else if (time < 0)
            {
                problems.Add($"line {lineNumber}: time is negative.");
            }

            var eventText = fields[1].Trim();
            if (eventText is not ("0" or "1"))
            {
                problems.Add($"line {lineNumber}: event must be 1 (event) or 0 (censored).");
            }
            else if (time >= 0 && problems.Count == 0)
            {
                observations.Add(new SurvivalObservation(time, eventText == "1"));
            }
        }

        if (!sawHeader)
        {
            problems.Add("the file is empty: expected a header line 'time,event' and at least one row.");
        }
        else if (observations.Count == 0 && problems.Count == 0)
        {
            problems.Add("the file has a header but no rows.");
        }

        return (observations, problems);
    }
}
