using System.Globalization;

namespace SpineMetsRegistry.Domain.Records;

/// <summary>
/// A validated record: its kind, its key, and its typed values by field code. Values are
/// long, decimal, DateOnly, bool, string (codes and text), <see cref="AgeAtIndex"/> or
/// string[] (code lists). Only fields with a value are present.
/// </summary>
public sealed class RegistryRecord
{
    /// <summary>The time point code of visits outside the schedule.</summary>
    public const string UnscheduledTimePoint = "unscheduled";

    private readonly IReadOnlyDictionary<string, object> _values;

    /// <summary>Creates a record.</summary>
    public RegistryRecord(RecordKind kind, string studyId, int row, IReadOnlyDictionary<string, object> values)
    {
        Kind = kind;
        StudyId = studyId;
        Row = row;
        _values = values;
    }

    /// <summary>What the record is.</summary>
    public RecordKind Kind { get; }

    /// <summary>The pseudonymous patient key.</summary>
    public string StudyId { get; }

    /// <summary>The row it came from in its batch.</summary>
    public int Row { get; }

    /// <summary>Every value present, by field code.</summary>
    public IReadOnlyDictionary<string, object> Values => _values;

    /// <summary>
    /// The record's identity within the patient: "enrollment", "withdrawal", the time point
    /// ("12w"), or for unscheduled visits "unscheduled-" plus the visit day or date, so a
    /// re-upload of the same record replaces it.
    /// </summary>
    public string RecordKey => Kind switch
    {
        RecordKind.Enrollment => RecordKinds.EnrollmentCode,
        RecordKind.Withdrawal => RecordKinds.WithdrawalCode,
        _ => TimePoint == UnscheduledTimePoint ? UnscheduledKey() : TimePoint ?? string.Empty,
    };

    /// <summary>The follow-up time point code, or null.</summary>
    public string? TimePoint => GetString("time_point");

    /// <summary>Whether a field has a value.</summary>
    public bool Has(string field) => _values.ContainsKey(field);

    /// <summary>A code or text value, or null.</summary>
    public string? GetString(string field) => _values.TryGetValue(field, out var value) ? value as string : null;

    /// <summary>An integer value, or null.</summary>
    public long? GetInteger(string field) => _values.TryGetValue(field, out var value) && value is long number ? number : null;

    /// <summary>A decimal value, or null.</summary>
    public decimal? GetDecimal(string field) => _values.TryGetValue(field, out var value) && value is decimal number ? number : null;

    /// <summary>A date value, or null.</summary>
    public DateOnly? GetDate(string field) => _values.TryGetValue(field, out var value) && value is DateOnly date ? date : null;

    /// <summary>A yes/no value, or null.</summary>
    public bool? GetBoolean(string field) => _values.TryGetValue(field, out var value) && value is bool flag ? flag : null;

    /// <summary>An age value, or null.</summary>
    public AgeAtIndex? GetAge(string field) => _values.TryGetValue(field, out var value) && value is AgeAtIndex age ? age : null;

    /// <summary>A code-list value, or an empty list.</summary>
    public IReadOnlyList<string> GetCodes(string field) => _values.TryGetValue(field, out var value) && value is string[] codes ? codes : [];

    /// <summary>A code or text value, or null (<see cref="GetString(string)"/> for a field resolved once).</summary>
    internal string? GetString(RecordField field) => field.ValueIn(_values) as string;

    /// <summary>An integer value, or null (<see cref="GetInteger(string)"/> for a field resolved once).</summary>
    internal long? GetInteger(RecordField field) => field.ValueIn(_values) is long number ? number : null;

    /// <summary>A decimal value, or null (<see cref="GetDecimal(string)"/> for a field resolved once).</summary>
    internal decimal? GetDecimal(RecordField field) => field.ValueIn(_values) is decimal number ? number : null;

    /// <summary>The canonical text of a value, or null when absent.</summary>
    public string? GetCanonical(string field) => _values.TryGetValue(field, out var value) ? FieldValues.ToCanonical(value) : null;

    private string UnscheduledKey()
    {
        if (GetInteger("visit_day") is { } day)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{UnscheduledTimePoint}-d{day:D4}");
        }

        return GetDate("visit_date") is { } date
            ? $"{UnscheduledTimePoint}-{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}"
            : UnscheduledTimePoint;
    }
}
