using System.Globalization;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Storage.Records;

/// <summary>
/// Folds what the tables hold about a site's patients into the validator's snapshot: a
/// patient is known when enrolled or withdrawn; the index date comes from the enrollment's
/// <c>index_date</c>; the death day is the smallest over the patient's visits, each visit
/// giving its <c>death_day</c> or else <c>death_date</c> minus the index date.
/// </summary>
internal sealed class KnownPatientBuilder
{
    private readonly Dictionary<string, DateOnly?> _enrolled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int? Day, DateOnly? Date)>> _deaths = new(StringComparer.Ordinal);
    private readonly HashSet<string> _withdrawn = new(StringComparer.Ordinal);

    public void AddEnrollment(string studyId, string? indexDate) =>
        _enrolled[studyId] = indexDate is null ? null : ParseDate(indexDate);

    public void AddVisit(string studyId, string? deathDay, string? deathDate)
    {
        if (deathDay is null && deathDate is null)
        {
            return;
        }

        if (!_deaths.TryGetValue(studyId, out var deaths))
        {
            deaths = [];
            _deaths.Add(studyId, deaths);
        }

        deaths.Add((deathDay is null ? null : int.Parse(deathDay, NumberStyles.None, CultureInfo.InvariantCulture), deathDate is null ? null : ParseDate(deathDate)));
    }

    public void AddWithdrawal(string studyId) => _withdrawn.Add(studyId);

    public KnownPatientSnapshot Build()
    {
        var patients = new Dictionary<string, KnownPatient>(StringComparer.Ordinal);
        foreach (var studyId in _enrolled.Keys.Union(_withdrawn))
        {
            var indexDate = _enrolled.GetValueOrDefault(studyId);
            patients[studyId] = new KnownPatient(indexDate, DeathDay(studyId, indexDate), _withdrawn.Contains(studyId));
        }

        return new KnownPatientSnapshot(patients);
    }

    private int? DeathDay(string studyId, DateOnly? indexDate)
    {
        if (!_deaths.TryGetValue(studyId, out var deaths))
        {
            return null;
        }

        int? earliest = null;
        foreach (var (day, date) in deaths)
        {
            var candidate = day ?? (date is { } death && indexDate is { } index ? death.DayNumber - index.DayNumber : null);
            if (candidate is { } value && (earliest is null || value < earliest))
            {
                earliest = value;
            }
        }

        return earliest;
    }

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
