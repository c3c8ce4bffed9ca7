using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// Stable string codes for <see cref="IdentifierCategory"/>. Codes appear in site reports and in
/// configuration (<see cref="DeidentificationSettings"/>), so they never change once published.
/// </summary>
public static class IdentifierCategoryCodes
{
    private static readonly FrozenDictionary<IdentifierCategory, string> CodeByCategory =
        new Dictionary<IdentifierCategory, string>
        {
            [IdentifierCategory.PersonName] = "person_name",
            [IdentifierCategory.Email] = "email",
            [IdentifierCategory.Phone] = "phone",
            [IdentifierCategory.UsSocialSecurityNumber] = "us_ssn",
            [IdentifierCategory.NlBsn] = "nl_bsn",
            [IdentifierCategory.UkNhsNumber] = "uk_nhs_number",
            [IdentifierCategory.NationalId] = "national_id",
            [IdentifierCategory.Iban] = "iban",
            [IdentifierCategory.AccountNumber] = "account_number",
            [IdentifierCategory.IpAddress] = "ip_address",
            [IdentifierCategory.Url] = "url",
            [IdentifierCategory.DateOfBirth] = "date_of_birth",
            [IdentifierCategory.PostalCode] = "postal_code",
            [IdentifierCategory.Address] = "address",
            [IdentifierCategory.MedicalRecordNumber] = "medical_record_number",
            [IdentifierCategory.HealthPlanNumber] = "health_plan_number",
            [IdentifierCategory.LicenceNumber] = "licence_number",
            [IdentifierCategory.VehicleIdentifier] = "vehicle_identifier",
            [IdentifierCategory.DeviceIdentifier] = "device_identifier",
            [IdentifierCategory.Biometric] = "biometric",
            [IdentifierCategory.Photograph] = "photograph",
            [IdentifierCategory.IdentifyingNumber] = "identifying_number",
            [IdentifierCategory.ScanInconclusive] = "scan_inconclusive",
        }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, IdentifierCategory> CategoryByCode =
        CodeByCategory.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>Every category, in declaration order.</summary>
    public static IReadOnlyList<IdentifierCategory> All { get; } = Enum.GetValues<IdentifierCategory>();

    /// <summary>Returns the stable code of <paramref name="category"/>, e.g. <c>email</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a declared category (a programming error).</exception>
    public static string ToCode(this IdentifierCategory category) =>
        CodeByCategory.TryGetValue(category, out var code)
            ? code
            : throw new ArgumentOutOfRangeException(nameof(category), category, "Undeclared identifier category.");

    /// <summary>Parses a stable code (exact, lower case) into its category.</summary>
    /// <param name="code">A code such as <c>person_name</c>.</param>
    /// <param name="category">The category when the code is known.</param>
    /// <returns><see langword="true"/> when <paramref name="code"/> is a known code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? code, out IdentifierCategory category)
    {
        category = default;
        return code is not null && CategoryByCode.TryGetValue(code, out category);
    }
}
