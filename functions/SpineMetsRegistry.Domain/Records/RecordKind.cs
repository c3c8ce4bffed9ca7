namespace SpineMetsRegistry.Domain.Records;

/// <summary>The record types the registry's code gives meaning to (codes in the data dictionary).</summary>
public enum RecordKind
{
    /// <summary><c>enrollment</c>: baseline, one per patient.</summary>
    Enrollment,

    /// <summary><c>followup</c>: one per patient and time point.</summary>
    FollowUp,

    /// <summary><c>withdrawal</c>: consent withdrawn; removes the patient.</summary>
    Withdrawal,
}

/// <summary>Maps record-type codes to <see cref="RecordKind"/>.</summary>
public static class RecordKinds
{
    /// <summary>The code of <see cref="RecordKind.Enrollment"/>.</summary>
    public const string EnrollmentCode = "enrollment";

    /// <summary>The code of <see cref="RecordKind.FollowUp"/>.</summary>
    public const string FollowUpCode = "followup";

    /// <summary>The code of <see cref="RecordKind.Withdrawal"/>.</summary>
    public const string WithdrawalCode = "withdrawal";

    /// <summary>Parses a canonical record-type code.</summary>
    public static bool TryParse(string code, out RecordKind kind)
    {
        switch (code)
        {
            case EnrollmentCode:
                kind = RecordKind.Enrollment;
                return true;
            case FollowUpCode:
                kind = RecordKind.FollowUp;
                return true;
            case WithdrawalCode:
                kind = RecordKind.Withdrawal;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    /// <summary>The code of a kind.</summary>
    public static string ToCode(this RecordKind kind) => kind switch
    {
        RecordKind.Enrollment => EnrollmentCode,
        RecordKind.FollowUp => FollowUpCode,
        RecordKind.Withdrawal => WithdrawalCode,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
