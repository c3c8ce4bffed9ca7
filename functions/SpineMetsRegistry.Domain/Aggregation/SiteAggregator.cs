using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Domain.Aggregation;

/// <summary>
/// Computes a site's aggregate tables from its stored records. Recomputing one site is
/// bounded by that site's size and idempotent; the pooled tables are then the merge of the
/// site tables (<see cref="AggregateMerger"/>), so an ingest recomputes only what its batch
/// touched.
/// </summary>
public static class SiteAggregator
{
    /// <summary>EQ-5D index bins: 0.05 wide from -0.65 to 1.0 (covers every shipped value set).</summary>
    public static Binning Eq5dBinning { get; } = new(-0.65m, 1.0m, 0.05m);

    /// <summary>SOSGOQ 2.0 bins: 5 points wide over 0-100.</summary>
    public static Binning SosgoqBinning { get; } = new(0m, 100m, 5m);

    /// <summary>NRS pain bins: one per integer 0-10.</summary>
    public static Binning NrsBinning { get; } = new(0m, 11m, 1m);

    /// <summary>The "not computable" category of categorical scores.</summary>
    public const string NotComputable = "not_computable";

    /// <summary>The time point label of baseline (enrollment) values in by-time-point tables.</summary>
    public const string Baseline = "baseline";

    /// <summary>Computes every site table from the site's records.</summary>
    public static IReadOnlyList<AggregateTable> Compute(IEnumerable<AggregationRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var all = records.ToList();
        var enrollments = all.Where(r => r.Kind == RecordKind.Enrollment).ToList();
        var visits = all.Where(r => r.Kind == RecordKind.FollowUp).ToList();

        return
        [
            Count("enrollment.total", "Patients enrolled", [], "patients", enrollments, _ => []),
            Count("enrollment.by_month", "Patients enrolled by month of index treatment", ["month"], "patients", enrollments, r => [Month(r)],
                notes: [MonthNote]),
            Count("enrollment.by_primary", "Patients enrolled by primary tumour", ["primary_tumour"], "patients", enrollments, r => [r.Value("primary_tumour") ?? "missing"]),
            Count("enrollment.by_month_primary", "Patients enrolled by month and primary tumour", ["month", "primary_tumour"], "patients", enrollments,
                r => [Month(r), r.Value("primary_tumour") ?? "missing"], notes: [MonthNote]),
            Count("enrollment.by_treatment", "Patients enrolled by index treatment", ["index_treatment"], "patients", enrollments, r => [r.Value("index_treatment") ?? "missing"]),
            Count("baseline.sins_category", "SINS category at baseline", ["sins_category"], "patients", enrollments,
                r => [r.ScoreCategory("sins_total") ?? NotComputable], notes: ["SINS (Fisher 2010): 0-6 stable, 7-12 potentially unstable, 13-18 unstable; not computable when a component is missing."]),
            Count("baseline.bilsky_escc", "Epidural spinal cord compression (Bilsky) at baseline", ["escc"], "patients", enrollments,
                r => [r.ScoreCategory("bilsky_escc") ?? NotComputable]),
            Distribution("baseline.eq5d_index", "EQ-5D index at baseline", ["eq5d_version"], "patients", enrollments, Eq5dBinning,
                r => r.ScoreNumber("eq5d_index"), r => [r.Value("eq5d_version") ?? "missing"],
                notes: ["Index values use the registry's value set per EQ-5D version, recorded with every stored score."]),
            Distribution("baseline.sosgoq_total", "SOSGOQ 2.0 total at baseline", [], "patients", enrollments, SosgoqBinning,
                r => r.ScoreNumber("sosgoq_total"), _ => [], notes: ["0-100, 100 = best health; scored with the registry's SOSGOQ 2.0 definition."]),
            Count("followup.by_timepoint_status", "Follow-up visits by time point and vital status", ["time_point", "vital_status"], "visits", visits,
                r => [r.Value("time_point") ?? "missing", r.Value("vital_status") ?? "missing"]),
            Distribution("outcomes.eq5d_index.by_timepoint", "EQ-5D index over time", ["time_point", "eq5d_version"], "visits", all, Eq5dBinning,
                r => r.ScoreNumber("eq5d_index"), r => [TimePoint(r), r.Value("eq5d_version") ?? "missing"]),
            Distribution("outcomes.sosgoq_total.by_timepoint", "SOSGOQ 2.0 total over time", ["time_point"], "visits", all, SosgoqBinning,
                r => r.ScoreNumber("sosgoq_total"), r => [TimePoint(r)]),
            Distribution("outcomes.nrs_pain.by_timepoint", "NRS pain over time", ["time_point"], "visits", all, NrsBinning,
                r => decimal.TryParse(r.Value("nrs_pain"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var pain) ? pain : null,
                r => [TimePoint(r)]),
        ];
    }

    private const string MonthNote = "Month of the index treatment (YYYY-MM); under the SafeHarbor date policy only the year (YYYY) is known.";

    private static string Month(AggregationRecord record)
    {
        var date = record.Value("index_date");
        if (date is { Length: >= 7 })
        {
            return date[..7];
        }

        return record.Value("index_year") ?? "unknown";
    }

    private static string TimePoint(AggregationRecord record) =>
        record.Kind == RecordKind.Enrollment ? Baseline : record.Value("time_point") ?? "missing";

    private static AggregateTable Count(
        string name,
        string title,
        IReadOnlyList<string> dimensions,
        string unit,
        IEnumerable<AggregationRecord> records,
        Func<AggregationRecord, IReadOnlyList<string>> keys,
        IReadOnlyList<string>? notes = null)
    {
        var cells = records
            .GroupBy(r => string.Join('\u001f', keys(r)), StringComparer.Ordinal)
            .Select(g => new CountCell(keys(g.First()), g.Count()))
            .OrderBy(c => c.Keys, AggregateKeyOrder.Instance)
            .ToList();
        if (dimensions.Count == 0 && cells.Count == 0)
        {
            cells.Add(new CountCell([], 0));
        }

        return new AggregateTable
        {
            Name = name,
            Title = title,
            Kind = AggregateKind.Count,
            Dimensions = dimensions,
            Unit = unit,
            Counts = cells,
            Notes = notes ?? [],
        };
    }

    private static AggregateTable Distribution(
        string name,
        string title,
        IReadOnlyList<string> dimensions,
        string unit,
        IEnumerable<AggregationRecord> records,
        Binning binning,
        Func<AggregationRecord, decimal?> value,
        Func<AggregationRecord, IReadOnlyList<string>> keys,
        IReadOnlyList<string>? notes = null)
    {
        var cells = records
            .Select(r => (Record: r, Value: value(r)))
            .Where(x => x.Value is not null)
            .GroupBy(x => string.Join('\u001f', keys(x.Record)), StringComparer.Ordinal)
            .Select(g =>
            {
                var values = g.Select(x => x.Value!.Value).ToList();
                var bins = new int[binning.Count];
                foreach (var v in values)
                {
                    bins[binning.IndexOf(v)]++;
                }

                return new DistributionCell(keys(g.First().Record), values.Count, values.Sum(), values.Sum(v => v * v), values.Min(), values.Max(), bins);
            })
            .OrderBy(c => c.Keys, AggregateKeyOrder.Instance)
            .ToList();
        return new AggregateTable
        {
            Name = name,
            Title = title,
            Kind = AggregateKind.Distribution,
            Dimensions = dimensions,
            Unit = unit,
            Distributions = cells,
            Binning = binning,
            Notes = notes ?? [],
        };
    }
}
