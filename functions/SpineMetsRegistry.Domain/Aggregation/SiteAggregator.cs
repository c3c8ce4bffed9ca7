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
        var accumulator = new SiteAggregateAccumulator();
        foreach (var record in records)
        {
            accumulator.Add(record);
        }

        return accumulator.Tables();
    }

    /// <summary>
    /// The definitions of the site tables, in output order: which records each table counts
    /// (<c>null</c> kind: every record), its cell keys and, for a distribution, its value.
    /// </summary>
    internal static IReadOnlyList<SiteTableDefinition> Definitions { get; } =
    [
        SiteTableDefinition.Count("enrollment.total", "Patients enrolled", [], "patients", RecordKind.Enrollment, _ => []),
        SiteTableDefinition.Count("enrollment.by_month", "Patients enrolled by month of index treatment", ["month"], "patients", RecordKind.Enrollment, r => [Month(r)],
            notes: [MonthNote]),
        SiteTableDefinition.Count("enrollment.by_primary", "Patients enrolled by primary tumour", ["primary_tumour"], "patients", RecordKind.Enrollment, r => [r.Value("primary_tumour") ?? "missing"]),
        SiteTableDefinition.Count("enrollment.by_month_primary", "Patients enrolled by month and primary tumour", ["month", "primary_tumour"], "patients", RecordKind.Enrollment,
            r => [Month(r), r.Value("primary_tumour") ?? "missing"], notes: [MonthNote]),
        SiteTableDefinition.Count("enrollment.by_treatment", "Patients enrolled by index treatment", ["index_treatment"], "patients", RecordKind.Enrollment, r => [r.Value("index_treatment") ?? "missing"]),
        SiteTableDefinition.Count("baseline.sins_category", "SINS category at baseline", ["sins_category"], "patients", RecordKind.Enrollment,
            r => [r.ScoreCategory("sins_total") ?? NotComputable], notes: ["SINS (Fisher 2010): 0-6 stable, 7-12 potentially unstable, 13-18 unstable; not computable when a component is missing."]),
        SiteTableDefinition.Count("baseline.bilsky_escc", "Epidural spinal cord compression (Bilsky) at baseline", ["escc"], "patients", RecordKind.Enrollment,
            r => [r.ScoreCategory("bilsky_escc") ?? NotComputable]),
        SiteTableDefinition.Distribution("baseline.eq5d_index", "EQ-5D index at baseline", ["eq5d_version"], "patients", RecordKind.Enrollment, Eq5dBinning,
            r => r.ScoreNumber("eq5d_index"), r => [r.Value("eq5d_version") ?? "missing"],
            notes: ["Index values use the registry's value set per EQ-5D version, recorded with every stored score."]),
        SiteTableDefinition.Distribution("baseline.sosgoq_total", "SOSGOQ 2.0 total at baseline", [], "patients", RecordKind.Enrollment, SosgoqBinning,
            r => r.ScoreNumber("sosgoq_total"), _ => [], notes: ["0-100, 100 = best health; scored with the registry's SOSGOQ 2.0 definition."]),
        SiteTableDefinition.Count("followup.by_timepoint_status", "Follow-up visits by time point and vital status", ["time_point", "vital_status"], "visits", RecordKind.FollowUp,
            r => [r.Value("time_point") ?? "missing", r.Value("vital_status") ?? "missing"]),
        SiteTableDefinition.Distribution("outcomes.eq5d_index.by_timepoint", "EQ-5D index over time", ["time_point", "eq5d_version"], "visits", null, Eq5dBinning,
            r => r.ScoreNumber("eq5d_index"), r => [TimePoint(r), r.Value("eq5d_version") ?? "missing"]),
        SiteTableDefinition.Distribution("outcomes.sosgoq_total.by_timepoint", "SOSGOQ 2.0 total over time", ["time_point"], "visits", null, SosgoqBinning,
            r => r.ScoreNumber("sosgoq_total"), r => [TimePoint(r)]),
        SiteTableDefinition.Distribution("outcomes.nrs_pain.by_timepoint", "NRS pain over time", ["time_point"], "visits", null, NrsBinning,
            r => decimal.TryParse(r.Value("nrs_pain"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var pain) ? pain : null,
            r => [TimePoint(r)]),
    ];

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
}
