using SpineMetsRegistry.Domain.Committee;
using SpineMetsRegistry.Domain.Survival;

namespace SpineMetsRegistry.Domain.Tests.Committee;

/// <summary>
/// A reader trying to recover hidden counts. Written independently of the publisher: it counts
/// the true figures from the patients itself, states in its own words every additive relation a
/// reader knows (table margins, filter margins, "filter A minus filter B", outcome n as part of
/// the alive count, pairs as part of both baseline and follow-up n, MCID responders as part of the
/// pairs, number at risk falling over time, the network as a site plus the rest), reads what the
/// publisher shows for every filter, and narrows each count to an interval by propagating the
/// relations to a fixed point (the interval audit of Fischetti M, Salazar JJ, Oper Res
/// 2001;49(1) in its simplest, linear-bounds form).
/// </summary>
internal sealed class DisclosureAttacker
{
    private const long Infinity = 1_000_000_000_000;
    private readonly Dictionary<string, (long Lo, long Hi)> bounds = new(StringComparer.Ordinal);
    private readonly List<(string Total, string[] Parts)> relations = [];

    public Dictionary<string, long> Truth { get; } = new(StringComparer.Ordinal);

    public static readonly string[] TimePoints = ["6w", "12w", "26w", "52w"];
    public static readonly string[] Statuses = ["alive", "deceased", "lost", "missing"];

    /// <summary>The clinical tallies, stated again independently of the publisher: name, the count it is a part of, categories.</summary>
    public static readonly (string Name, string Parent, string[] Categories)[] Tallies =
    [
        ("neuro.asia", "enrolled", ["improved", "unchanged", "worse"]),
        ("neuro.frankel", "enrolled", ["improved", "unchanged", "worse"]),
        ("ambulatory.baseline", "enrolled", ["independent", "assisted", "non_ambulatory"]),
        ("ambulatory.6w", "visits.6w.alive", ["independent", "assisted", "non_ambulatory"]),
        ("ambulatory.12w", "visits.12w.alive", ["independent", "assisted", "non_ambulatory"]),
        ("ambulatory.26w", "visits.26w.alive", ["independent", "assisted", "non_ambulatory"]),
        ("ambulatory.52w", "visits.52w.alive", ["independent", "assisted", "non_ambulatory"]),
        ("saves.worst", "enrolled", ["none", "I", "II", "III", "IV"]),
        ("qaly.complete_case", "enrolled", ["with_qaly", "missing_baseline", "missing_visit", "incomplete_follow_up"]),
        ("qaly.locf", "enrolled", ["with_qaly", "missing_baseline", "incomplete_follow_up"]),
    ];

    public DisclosureAttacker(IReadOnlyDictionary<string, IReadOnlyList<PatientFacts>> viewsOfPatients, IReadOnlyList<CellKey> filters, IReadOnlyList<IReadOnlyList<string>> dimensionValues, IReadOnlyList<string> nesms)
    {
        foreach (var (view, patients) in viewsOfPatients)
        {
            foreach (var filter in filters)
            {
                var selected = patients.Where(p => p.Key.Matches(filter)).ToList();
                foreach (var (measure, value) in TrueCounts(selected, nesms))
                {
                    Truth[Name(view, filter, measure)] = value;
                }

                State(view, filter, nesms);
                for (var d = 0; d < 3; d++)
                {
                    if (filter.Values[d] != CommitteeDimensions.All)
                    {
                        continue;
                    }

                    var children = dimensionValues[d].Select(v => d switch
                    {
                        0 => filter with { Period = v },
                        1 => filter with { PrimaryGroup = v },
                        _ => filter with { Treatment = v },
                    }).ToList();
                    foreach (var measure in TrueCounts([], nesms).Keys)
                    {
                        relations.Add((Name(view, filter, measure), children.Select(c => Name(view, c, measure)).ToArray()));
                    }
                }
            }
        }

        if (viewsOfPatients.ContainsKey("own"))
        {
            foreach (var filter in filters)
            {
                foreach (var measure in TrueCounts([], nesms).Keys)
                {
                    relations.Add((Name("network", filter, measure), [Name("own", filter, measure), Name("rest", filter, measure)]));
                }
            }
        }

        foreach (var name in Truth.Keys)
        {
            bounds[name] = (0, Infinity);
        }
    }

    public static string Name(string view, CellKey filter, string measure) => $"{view}/{filter}/{measure}";

    /// <summary>What a reader knows exactly (e.g. a site its own counts).</summary>
    public void Know(string name) => bounds[name] = (Truth[name], Truth[name]);

    /// <summary>Reads a published count: a number, "&lt;t" (1 to t-1) or "suppressed" (nothing).</summary>
    public void Read(string name, object? published, int threshold)
    {
        var (lo, hi) = bounds[name];
        bounds[name] = published switch
        {
            long n => (n, n),
            int n => (n, n),
            string s when s.StartsWith('<') => (Math.Max(lo, 1), Math.Min(hi, threshold - 1)),
            _ => (lo, hi),
        };
    }

    public void ReadAll(PublishedStatistics published)
    {
        foreach (var table in published.Tables)
        {
            foreach (var row in table.Rows)
            {
                var view = (string)row[0]!;
                switch (table.Name)
                {
                    case "neurology.change":
                    case "neurology.ambulatory":
                        Read(Name(view, published.Filter, $"tally.{(table.Name == "neurology.change" ? "neuro" : "ambulatory")}.{row[1]}.{Part(row[2])}"), row[3], published.Threshold);
                        break;
                    case "complications.saves":
                        Read(Name(view, published.Filter, $"tally.saves.worst.{Part(row[1])}"), row[2], published.Threshold);
                        break;
                    case "qaly.first_year":
                        Read(Name(view, published.Filter, $"tally.qaly.{row[1]}.with_qaly"), row[2], published.Threshold);
                        Read(Name(view, published.Filter, $"tally.qaly.{row[1]}.missing_baseline"), row[7], published.Threshold);
                        if (row[8] is not null)
                        {
                            Read(Name(view, published.Filter, $"tally.qaly.{row[1]}.missing_visit"), row[8], published.Threshold);
                        }

                        Read(Name(view, published.Filter, $"tally.qaly.{row[1]}.incomplete_follow_up"), row[9], published.Threshold);
                        break;
                    case "enrollment.summary":
                        Read(Name(view, published.Filter, "enrolled"), row[1], published.Threshold);
                        Read(Name(view, published.Filter, "surv.n"), row[2], published.Threshold);
                        break;
                    case "visits.vital_status":
                        Read(Name(view, published.Filter, (string)row[2]! == "all" ? $"visits.{row[1]}" : $"visits.{row[1]}.{row[2]}"), row[3], published.Threshold);
                        break;
                    case "outcomes.summary":
                        Read(Name(view, published.Filter, $"pro.{row[1]}.{row[2]}.n"), row[3], published.Threshold);
                        break;
                    case "outcomes.change":
                        Read(Name(view, published.Filter, $"pro.{row[1]}.{row[2]}.pairs"), row[3], published.Threshold);
                        if (row[10] is not null)
                        {
                            Read(Name(view, published.Filter, $"pro.{row[1]}.{row[2]}.mcid"), row[11], published.Threshold);
                        }

                        break;
                    case "survival.median" when (string)row[1]! == "nesms":
                        Read(Name(view, published.Filter, $"surv.nesms.{row[2]}"), row[3], published.Threshold);
                        break;
                    case "survival.at_risk":
                        var filter = (string)row[1]! switch
                        {
                            "primary_group" => published.Filter with { PrimaryGroup = (string)row[2]! },
                            "index_treatment" => published.Filter with { Treatment = (string)row[2]! },
                            _ => published.Filter,
                        };
                        Read(Name(view, filter, $"surv.risk.{row[3]}"), row[5], published.Threshold);
                        break;
                    case "survival.curves" when Convert.ToDecimal(row[3], System.Globalization.CultureInfo.InvariantCulture) == 0:
                        // The first interval's number at risk is the patients with a survival time.
                        var curveFilter = (string)row[1]! switch
                        {
                            "primary_group" => published.Filter with { PrimaryGroup = (string)row[2]! },
                            "index_treatment" => published.Filter with { Treatment = (string)row[2]! },
                            "nesms" => null,
                            _ => published.Filter,
                        };
                        if (curveFilter is not null)
                        {
                            Read(Name(view, curveFilter, "surv.n"), row[5], published.Threshold);
                        }

                        break;
                }
            }
        }
    }

    private static string Part(object? category) => (string)category! == "all" ? "total" : (string)category!;

    /// <summary>Narrows every interval until nothing changes; returns the counts from 1 to t-1 it pinned down exactly.</summary>
    public IReadOnlyList<string> Attack(int threshold)
    {
        var changed = true;
        for (var round = 0; changed && round < 200; round++)
        {
            changed = false;
            foreach (var (total, parts) in relations)
            {
                var (tLo, tHi) = bounds[total];
                var sumLo = parts.Sum(p => bounds[p].Lo);
                var sumHi = parts.Aggregate(0L, (s, p) => Math.Min(Infinity, s + bounds[p].Hi));
                changed |= Narrow(total, sumLo, sumHi);
                foreach (var part in parts)
                {
                    var (pLo, pHi) = bounds[part];
                    var othersLo = sumLo - pLo;
                    var othersHi = sumHi >= Infinity ? Infinity : sumHi - pHi;
                    changed |= Narrow(part, othersHi >= Infinity ? 0 : tLo - othersHi, tHi >= Infinity ? Infinity : tHi - othersLo);
                }
            }
        }

        foreach (var (name, (lo, hi)) in bounds)
        {
            if (Truth[name] < lo || Truth[name] > hi)
            {
                throw new InvalidOperationException($"The attacker's interval for {name} [{lo}, {hi}] excludes the truth {Truth[name]}: a relation is wrong.");
            }
        }

        return bounds.Where(b => b.Value.Lo == b.Value.Hi && Truth[b.Key] > 0 && Truth[b.Key] < threshold).Select(b => b.Key).ToList();
    }

    private bool Narrow(string name, long lo, long hi)
    {
        var (oldLo, oldHi) = bounds[name];
        var newLo = Math.Max(oldLo, lo);
        var newHi = Math.Min(oldHi, hi);
        bounds[name] = (newLo, newHi);
        return newLo != oldLo || newHi != oldHi;
    }

    private void State(string view, CellKey filter, IReadOnlyList<string> nesms)
    {
        string N(string measure) => Name(view, filter, measure);
        relations.Add((N("enrolled"), [N("surv.n"), N("surv.none")]));
        relations.Add((N("surv.n"), nesms.Select(v => N("surv.nesms." + v)).ToArray()));
        var times = NumberAtRisk.StandardTimes;
        relations.Add((N("surv.n"), [N("surv.risk." + times[0].Label)]));
        for (var k = 0; k + 1 < times.Count; k++)
        {
            relations.Add((N("surv.risk." + times[k].Label), [N("surv.risk." + times[k + 1].Label), N("surv.left." + times[k].Label)]));
        }

        foreach (var timePoint in TimePoints)
        {
            relations.Add((N($"visits.{timePoint}"), Statuses.Select(s => N($"visits.{timePoint}.{s}")).ToArray()));
        }

        foreach (var m in CohortFactory.Measures)
        {
            relations.Add((N("enrolled"), [N($"pro.{m.Code}.baseline.n"), N($"pro.{m.Code}.baseline.without")]));
            foreach (var timePoint in TimePoints)
            {
                var p = $"pro.{m.Code}.{timePoint}";
                relations.Add((N($"visits.{timePoint}.alive"), [N(p + ".n"), N(p + ".without")]));
                relations.Add((N(p + ".n"), [N(p + ".pairs"), N(p + ".unpaired")]));
                relations.Add((N($"pro.{m.Code}.baseline.n"), [N(p + ".pairs"), N(p + ".baseonly")]));
                if (m.Mcid is not null)
                {
                    relations.Add((N(p + ".pairs"), [N(p + ".mcid"), N(p + ".nomcid")]));
                }
            }
        }

        foreach (var (name, parent, categories) in Tallies)
        {
            relations.Add((N($"tally.{name}.total"), categories.Select(c => N($"tally.{name}.{c}")).ToArray()));
            relations.Add((N(parent), [N($"tally.{name}.total"), N($"tally.{name}.rest")]));
        }
    }

    /// <summary>The true counts, computed by counting patients (not through the statistics cells).</summary>
    private static Dictionary<string, long> TrueCounts(List<PatientFacts> patients, IReadOnlyList<string> nesms)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["enrolled"] = patients.Count,
            ["surv.n"] = patients.Count(p => p.Survival is not null),
            ["surv.none"] = patients.Count(p => p.Survival is null),
        };
        foreach (var v in nesms)
        {
            counts["surv.nesms." + v] = patients.Count(p => p.Survival is not null && p.Nesms == v);
        }

        var times = NumberAtRisk.StandardTimes;
        for (var k = 0; k < times.Count; k++)
        {
            counts["surv.risk." + times[k].Label] = patients.Count(p => p.Survival is { } s && s.Time >= times[k].Day);
            if (k + 1 < times.Count)
            {
                counts["surv.left." + times[k].Label] = patients.Count(p => p.Survival is { } s && s.Time >= times[k].Day && s.Time < times[k + 1].Day);
            }
        }

        foreach (var timePoint in TimePoints)
        {
            counts[$"visits.{timePoint}"] = patients.Count(p => p.Visits.ContainsKey(timePoint));
            foreach (var status in Statuses)
            {
                counts[$"visits.{timePoint}.{status}"] = patients.Count(p => p.Visits.TryGetValue(timePoint, out var v) && v.VitalStatus == status);
            }
        }

        foreach (var m in CohortFactory.Measures)
        {
            var withBaseline = patients.Count(p => p.Baseline.ContainsKey(m.Code));
            counts[$"pro.{m.Code}.baseline.n"] = withBaseline;
            counts[$"pro.{m.Code}.baseline.without"] = patients.Count - withBaseline;
            foreach (var timePoint in TimePoints)
            {
                var p = $"pro.{m.Code}.{timePoint}";
                var alive = patients.Where(x => x.Visits.TryGetValue(timePoint, out var v) && v.VitalStatus == "alive").ToList();
                var with = alive.Where(x => x.Visits[timePoint].Values.ContainsKey(m.Code)).ToList();
                var pairs = with.Where(x => x.Baseline.ContainsKey(m.Code)).ToList();
                counts[p + ".n"] = with.Count;
                counts[p + ".without"] = alive.Count - with.Count;
                counts[p + ".pairs"] = pairs.Count;
                counts[p + ".unpaired"] = with.Count - pairs.Count;
                counts[p + ".baseonly"] = withBaseline - pairs.Count;
                if (m.Mcid is { } mcid)
                {
                    var reached = pairs.Count(x => (m.HigherIsBetter ? 1 : -1) * (x.Visits[timePoint].Values[m.Code] - x.Baseline[m.Code]) >= mcid);
                    counts[p + ".mcid"] = reached;
                    counts[p + ".nomcid"] = pairs.Count - reached;
                }
            }
        }

        foreach (var (name, parent, categories) in Tallies)
        {
            foreach (var category in categories)
            {
                counts[$"tally.{name}.{category}"] = patients.Count(p => p.Clinical.Categories.TryGetValue(name, out var c) && c == category);
            }

            counts[$"tally.{name}.total"] = patients.Count(p => p.Clinical.Categories.ContainsKey(name));
            counts[$"tally.{name}.rest"] = counts[parent] - counts[$"tally.{name}.total"];
        }

        return counts;
    }
}
