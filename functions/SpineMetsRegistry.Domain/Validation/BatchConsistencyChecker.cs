using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Domain.Validation;

/// <summary>
/// Checks across the records of one batch (and against what the registry already holds):
/// duplicate records, follow-up before the index date, visits after death, unknown or
/// withdrawn patients, and (warning) visits outside their time point's window. It keeps only a small entry per valid row (patient, row, key,
/// dates), never the rows. Memory stays flat however large the batch: past
/// <see cref="SpillThreshold"/> entries they are spilled to streams from the caller's factory,
/// partitioned by patient, and each partition is checked on its own at the end.
/// </summary>
public sealed class BatchConsistencyChecker : IDisposable
{
    /// <summary>Entries kept in memory before spilling (when a spill factory is given).</summary>
    public const int SpillThreshold = 100_000;

    /// <summary>Partitions of a spilled batch (a patient's entries are always in one).</summary>
    public const int SpillPartitions = 64;

    private readonly IKnownPatients? _known;
    private readonly FollowUp.FollowUpProtocol? _protocol;
    private readonly bool _safeHarbor;
    private readonly Func<Stream>? _spillFactory;
    private readonly int _threshold;
    private readonly List<CrossRowEntry> _buffer = [];
    private (Stream Stream, BinaryWriter Writer)[]? _partitions;

    /// <summary>Creates a checker.</summary>
    /// <param name="known">What the registry holds about the site's patients; null offline.</param>
    /// <param name="spillFactory">Creates a read/write stream to spill to (e.g. a temporary file); null keeps everything in memory.</param>
    /// <param name="spillThreshold">Entries kept in memory before spilling.</param>
    /// <param name="datePolicy">Under SafeHarbor a visit date must be convertible to days from index.</param>
    /// <param name="protocol">The follow-up protocol whose windows visits are checked against; null skips the check.</param>
    public BatchConsistencyChecker(IKnownPatients? known, Func<Stream>? spillFactory = null, int spillThreshold = SpillThreshold, Deidentification.DatePolicy datePolicy = Deidentification.DatePolicy.LimitedDataSet, FollowUp.FollowUpProtocol? protocol = null)
    {
        _known = known;
        _protocol = protocol;
        _safeHarbor = datePolicy == Deidentification.DatePolicy.SafeHarbor;
        _spillFactory = spillFactory;
        _threshold = spillThreshold;
    }

    /// <summary>Whether entries were spilled out of memory.</summary>
    public bool Spilled => _partitions is not null;

    /// <summary>Remembers what the cross-record checks need from one valid record.</summary>
    public void Observe(RegistryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _buffer.Add(CrossRowEntry.From(record));
        if (_spillFactory is not null && _buffer.Count >= _threshold)
        {
            Spill();
        }
    }

    /// <summary>
    /// Runs the checks once every record has been observed. Each problem names the row it
    /// concerns; both rows of a duplicate pair are reported, since the registry cannot know
    /// which one is right.
    /// </summary>
    public IEnumerable<ValidationProblem> Complete()
    {
        if (_partitions is null)
        {
            return Check(_buffer);
        }

        Spill();
        return CheckPartitions();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (stream, writer) in _partitions ?? [])
        {
            writer.Dispose();
            stream.Dispose();
        }

        _partitions = null;
    }

    private void Spill()
    {
        _partitions ??= Enumerable.Range(0, SpillPartitions).Select(_ =>
        {
            var stream = _spillFactory!();
            return (stream, new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true));
        }).ToArray();
        foreach (var entry in _buffer)
        {
            entry.WriteTo(_partitions[PartitionOf(entry.StudyId)].Writer);
        }

        _buffer.Clear();
    }

    private static int PartitionOf(string studyId) =>
        (int)(unchecked((uint)string.GetHashCode(studyId, StringComparison.Ordinal)) % SpillPartitions);

    private IEnumerable<ValidationProblem> CheckPartitions()
    {
        foreach (var (stream, writer) in _partitions!)
        {
            writer.Flush();
            stream.Position = 0;
            var entries = new List<CrossRowEntry>();
            using (var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                while (stream.Position < stream.Length)
                {
                    entries.Add(CrossRowEntry.ReadFrom(reader));
                }
            }

            foreach (var problem in Check(entries))
            {
                yield return problem;
            }
        }
    }

    private IEnumerable<ValidationProblem> Check(List<CrossRowEntry> entries)
    {
        foreach (var patient in entries.GroupBy(e => e.StudyId, StringComparer.Ordinal))
        {
            KnownPatient? known = null;
            if (_known is not null && _known.TryGet(patient.Key, out var found))
            {
                known = found;
            }

            var state = new PatientState();
            foreach (var entry in patient.OrderBy(e => e.Row))
            {
                state.Observe(entry);
            }

            foreach (var problem in state.Check(known, offline: _known is null, _safeHarbor, _protocol))
            {
                yield return problem with { StudyId = patient.Key };
            }
        }
    }

    /// <summary>One patient's facts, rebuilt from its entries when the checks run.</summary>
    private sealed class PatientState
    {
        private List<(string Key, int Row)>? _keys;
        private List<(int Row, string Key, bool Deceased, int? Day, DateOnly? Date)>? _visits;
        private List<int>? _otherRows;
        private int _enrollmentRow;
        private DateOnly? _indexDate;
        private int _withdrawalRow;
        private int _deathRow;
        private int? _deathDay;
        private DateOnly? _deathDate;

        public void Observe(CrossRowEntry entry)
        {
            (_keys ??= []).Add((entry.Key, entry.Row));
            switch (entry.Kind)
            {
                case RecordKind.Enrollment:
                    if (_enrollmentRow == 0)
                    {
                        _enrollmentRow = entry.Row;
                        _indexDate = entry.IndexDate;
                    }

                    (_otherRows ??= []).Add(entry.Row);
                    break;
                case RecordKind.Withdrawal:
                    _withdrawalRow = entry.Row;
                    break;
                case RecordKind.FollowUp:
                    (_otherRows ??= []).Add(entry.Row);
                    (_visits ??= []).Add((entry.Row, entry.Key, entry.Deceased, entry.VisitDay, entry.VisitDate));
                    if (entry.Deceased && _deathRow == 0)
                    {
                        _deathRow = entry.Row;
                        _deathDay = entry.DeathDay;
                        _deathDate = entry.DeathDate;
                    }

                    break;
            }
        }

        public IEnumerable<ValidationProblem> Check(KnownPatient? known, bool offline, bool safeHarbor, FollowUp.FollowUpProtocol? protocol)
        {
            foreach (var problem in Duplicates())
            {
                yield return problem;
            }

            if (_enrollmentRow == 0 && known is null && !offline)
            {
                var rows = (_visits ?? []).Select(v => v.Row);
                foreach (var row in _withdrawalRow == 0 ? rows : rows.Append(_withdrawalRow))
                {
                    yield return ValidationProblem.Error(row, "study_id", ProblemCodes.UnknownStudyId,
                        "No enrollment exists for this study ID at this site, in this batch or earlier: upload the enrollment first (or in the same batch).");
                }

                yield break;
            }

            if (_withdrawalRow != 0 || known?.Withdrawn == true)
            {
                foreach (var row in _otherRows ?? [])
                {
                    yield return ValidationProblem.Error(row, "study_id", ProblemCodes.WithdrawnPatient,
                        "This patient withdrew consent: the registry accepts no data for them.");
                }

                yield break;
            }

            var indexDate = _indexDate ?? known?.IndexDate;
            if (safeHarbor && !offline && indexDate is null)
            {
                // Under SafeHarbor only days from index are stored; without the index date a
                // visit date cannot be converted, and storing it would break the policy.
                foreach (var (row, _, _, day, date) in _visits ?? [])
                {
                    if (day is null && date is not null)
                    {
                        yield return ValidationProblem.Error(row, "visit_day", ProblemCodes.MissingRequired,
                            "Under the registry's SafeHarbor date policy visits are stored as days from the index treatment, and this patient's index date is unknown: send visit_day instead of visit_date.");
                    }
                }
            }

            foreach (var problem in VisitDates(indexDate, known, protocol))
            {
                yield return problem;
            }
        }

        private IEnumerable<ValidationProblem> Duplicates()
        {
            if (_keys is null || _keys.Count < 2)
            {
                yield break;
            }

            foreach (var group in _keys.GroupBy(k => k.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                var rows = group.Select(g => g.Row).Order().ToList();
                foreach (var row in rows)
                {
                    var others = string.Join(", ", rows.Where(r => r != row));
                    yield return ValidationProblem.Error(row, group.Key == RecordKinds.EnrollmentCode ? "study_id" : "time_point", ProblemCodes.DuplicateRecord,
                        $"The same {Describe(group.Key)} also appears in row(s) {others}; send each record once.");
                }
            }
        }

        private static string Describe(string key) => key switch
        {
            RecordKinds.EnrollmentCode => "enrollment (study ID)",
            RecordKinds.WithdrawalCode => "withdrawal (study ID)",
            _ => "follow-up (study ID and time point)",
        };

        private IEnumerable<ValidationProblem> VisitDates(DateOnly? indexDate, KnownPatient? known, FollowUp.FollowUpProtocol? protocol)
        {
            // The death as a day number after index, from this batch or from the registry.
            int? deathDay = _deathDay;
            if (deathDay is null && _deathDate is { } deathDate && indexDate is { } index)
            {
                deathDay = deathDate.DayNumber - index.DayNumber;
            }

            deathDay ??= known?.DeathDay;

            if (indexDate is { } origin0 && _deathDay is { } givenDeathDay && _deathDate is { } givenDeathDate
                && givenDeathDay != givenDeathDate.DayNumber - origin0.DayNumber)
            {
                yield return ValidationProblem.Error(_deathRow, "death_day", ProblemCodes.ConflictingValues,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"death_day is {givenDeathDay} but death_date is day {givenDeathDate.DayNumber - origin0.DayNumber} after the index treatment: send one of them, or make them agree."));
            }

            if (indexDate is { } indexForDeath && _deathDate is { } recordedDeath && recordedDeath < indexForDeath)
            {
                yield return ValidationProblem.Error(_deathRow, "death_date", ProblemCodes.VisitBeforeIndex,
                    "The date of death lies before the index treatment date.");
            }

            foreach (var (row, key, deceased, day, date) in _visits ?? [])
            {
                if (day is { } givenDay && date is { } givenDate && indexDate is { } dayOrigin
                    && givenDay != givenDate.DayNumber - dayOrigin.DayNumber)
                {
                    yield return ValidationProblem.Error(row, "visit_day", ProblemCodes.ConflictingValues,
                        string.Create(System.Globalization.CultureInfo.InvariantCulture,
                            $"visit_day is {givenDay} but visit_date is day {givenDate.DayNumber - dayOrigin.DayNumber} after the index treatment: send one of them, or make them agree."));
                    continue;
                }

                int? visitDay = day;
                if (visitDay is null && date is { } visitDate && indexDate is { } origin)
                {
                    visitDay = visitDate.DayNumber - origin.DayNumber;
                    if (visitDay < 0)
                    {
                        yield return ValidationProblem.Error(row, "visit_date", ProblemCodes.VisitBeforeIndex,
                            "The visit is dated before the patient's index treatment date.");
                        continue;
                    }
                }

                if (visitDay is { } v && deathDay is { } death && v > death && row != _deathRow)
                {
                    yield return ValidationProblem.Error(row, day is null ? "visit_date" : "visit_day", ProblemCodes.VisitAfterDeath,
                        "The visit is dated after the patient's recorded death.");
                }
                else if (!deceased && visitDay is { } received && protocol?.Find(key) is { } point
                    && (received < point.TargetDay - point.WindowBeforeDays || received > point.TargetDay + point.WindowAfterDays))
                {
                    // A death report completes no time point, so only visits of the living are checked.
                    yield return ValidationProblem.Warning(row, day is null ? "visit_date" : "visit_day", ProblemCodes.OutsideWindow,
                        string.Create(System.Globalization.CultureInfo.InvariantCulture,
                            $"The {key} visit took place on day {received} after the index treatment, outside its window (days {point.TargetDay - point.WindowBeforeDays} to {point.TargetDay + point.WindowAfterDays}). It is stored and flagged as outside the window."));
                }
            }
        }
    }
}
