namespace SpineMetsRegistry.Domain.Deidentification;

/// <summary>
/// The kinds of personal identifier the de-identification gate looks for, aligned with the
/// HIPAA Safe Harbor list (45 CFR 164.514(b)(2)) plus the national identifiers of the
/// registry's participating countries. Each member has a stable lower-case code
/// (see <see cref="IdentifierCategoryCodes"/>) used in reports and configuration; the numeric
/// values are not part of the contract.
/// </summary>
public enum IdentifierCategory
{
    /// <summary>A person's name (patient, relative, clinician): <c>person_name</c>.</summary>
    PersonName,

    /// <summary>An e-mail address: <c>email</c>.</summary>
    Email,

    /// <summary>A telephone or fax number: <c>phone</c>.</summary>
    Phone,

    /// <summary>A United States Social Security number: <c>us_ssn</c>.</summary>
    UsSocialSecurityNumber,

    /// <summary>A Dutch citizen service number (burgerservicenummer): <c>nl_bsn</c>.</summary>
    NlBsn,

    /// <summary>A United Kingdom NHS number: <c>uk_nhs_number</c>.</summary>
    UkNhsNumber,

    /// <summary>
    /// Another national identifier (French NIR, Spanish DNI/NIE, passport, national insurance):
    /// <c>national_id</c>.
    /// </summary>
    NationalId,

    /// <summary>An international bank account number: <c>iban</c>.</summary>
    Iban,

    /// <summary>Any other account number (bank account, credit card): <c>account_number</c>.</summary>
    AccountNumber,

    /// <summary>An IPv4 or IPv6 address: <c>ip_address</c>.</summary>
    IpAddress,

    /// <summary>A web address: <c>url</c>.</summary>
    Url,

    /// <summary>
    /// A date of birth; on the value side, any full day-month-year date in free text, because a
    /// date of birth cannot be told apart from another date there: <c>date_of_birth</c>.
    /// </summary>
    DateOfBirth,

    /// <summary>A full postal code or ZIP code: <c>postal_code</c>.</summary>
    PostalCode,

    /// <summary>A street address or a geographic unit smaller than a state (city, municipality, coordinates): <c>address</c>.</summary>
    Address,

    /// <summary>A medical record, hospital or patient number: <c>medical_record_number</c>.</summary>
    MedicalRecordNumber,

    /// <summary>A health plan beneficiary, insurance or policy number: <c>health_plan_number</c>.</summary>
    HealthPlanNumber,

    /// <summary>A certificate or licence number (driving licence, professional licence): <c>licence_number</c>.</summary>
    LicenceNumber,

    /// <summary>A vehicle identifier (licence plate, VIN): <c>vehicle_identifier</c>.</summary>
    VehicleIdentifier,

    /// <summary>A device identifier or serial number (UDI, IMEI, MAC address): <c>device_identifier</c>.</summary>
    DeviceIdentifier,

    /// <summary>A biometric identifier (fingerprint, voiceprint, retina scan): <c>biometric</c>.</summary>
    Biometric,

    /// <summary>A photograph or other image of the person: <c>photograph</c>.</summary>
    Photograph,

    /// <summary>
    /// A long number (8 or more digits) that fits no more specific category: Safe Harbor's
    /// "any other unique identifying number": <c>identifying_number</c>.
    /// </summary>
    IdentifyingNumber,

    /// <summary>
    /// The scan could not finish (a pattern match timed out). Treated as a finding, never as
    /// clean, and never downgradable: <c>scan_inconclusive</c>.
    /// </summary>
    ScanInconclusive,
}
