using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Domain.Validation;

/// <summary>
/// Checks across the records of one batch (and against what the registry already holds):
/// duplicate records, follow-up before the index date, visits after death, unknown or
/// withdrawn patients. Keeps a compact state per patient (never the rows themselves), so
/// memory grows with the number of distinct patients, not with the file.
/// </summary>
public sealed class BatchConsistencyChecker
{
    private readonly Dictionary<string, PatientState> _patients = new(StringComparer.Ordinal);
    private readonly IKnownPatients? _known;

    /// <summary>Creates a checker; <paramref name="known"/> is null offline.</summary>
    public BatchConsistencyChecker(IKnownPatients? known) => _known = known;

    /// <summary>How many distinct patients the batch mentions so far.</summary>
    public int PatientCount => _patients.Count;

    /// <summary>Remembers what the cross-record checks need from one valid record.</summary>
    public void Observe(RegistryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_patients.TryGetValue(record.StudyId, out var state))
        {
            state = new PatientState();
            _patients.Add(record.StudyId, state);
        }

        state.Observe(record);
    }

    /// <summary>
    /// Runs the checks once every record has been observed. Each problem names the row it
    /// concerns; both rows of a duplicate pair are reported, since the registry cannot know
    /// which one is right.
    /// </summary>
    public IEnumerable<ValidationProblem> Complete()
    {
        foreach (var (studyId, state) in _patients)
        {
            KnownPatient? known = null;
            if (_known is not null && _known.TryGet(studyId, out var found))
            {
                known = found;
            }

            foreach (var problem in state.Check(known, offline: _known is null))
            {
                yield return problem with { StudyId = studyId };
            }
        }
    }

    /// <summary>The per-patient facts, packed small: a batch of a million rows keeps only these.</summary>
    private sealed class PatientState
    {
        private List<(string Key, int Row)>? _keys;
        private List<(int Row, int? Day, DateOnly? Date)>? _visits;
        private List<int>? _otherRows;
        private int _enrollmentRow;
        private DateOnly? _indexDate;
        private int _withdrawalRow;
        private int _deathRow;
        private int? _deathDay;
        private DateOnly? _deathDate;

        public void Observe(RegistryRecord record)
        {
            (_keys ??= []).Add((record.RecordKey, record.Row));
            switch (record.Kind)
            {
                case RecordKind.Enrollment:
                    if (_enrollmentRow == 0)
                    {
                        _enrollmentRow = record.Row;
                        _indexDate = record.GetDate("index_date");
                    }

                    (_otherRows ??= []).Add(record.Row);
                    break;
                case RecordKind.Withdrawal:
                    _withdrawalRow = record.Row;
                    break;
                case RecordKind.FollowUp:
                    (_otherRows ??= []).Add(record.Row);
                    var day = record.GetInteger("visit_day");
                    (_visits ??= []).Add((record.Row, day is null ? null : (int)day, record.GetDate("visit_date")));
                    if (record.GetString("vital_status") == "deceased" && _deathRow == 0)
                    {
                        _deathRow = record.Row;
                        _deathDay = record.GetInteger("death_day") is { } d ? (int)d : null;
                        _deathDate = record.GetDate("death_date");
                    }

                    break;
            }
        }

        public IEnumerable<ValidationProblem> Check(KnownPatient? known, bool offline)
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
            foreach (var problem in VisitDates(indexDate, known))
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

        private IEnumerable<ValidationProblem> VisitDates(DateOnly? indexDate, KnownPatient? known)
        {
            // The death as a day number after index, from this batch or from the registry.
            int? deathDay = _deathDay;
            if (deathDay is null && _deathDate is { } deathDate && indexDate is { } index)
            {
                deathDay = deathDate.DayNumber - index.DayNumber;
            }

            deathDay ??= known?.DeathDay;

            if (indexDate is { } indexForDeath && _deathDate is { } recordedDeath && recordedDeath < indexForDeath)
            {
                yield return ValidationProblem.Error(_deathRow, "death_date", ProblemCodes.VisitBeforeIndex,
                    "The date of death lies before the index treatment date.");
            }

            foreach (var (row, day, date) in _visits ?? [])
            {
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
            }
        }
    }
}
