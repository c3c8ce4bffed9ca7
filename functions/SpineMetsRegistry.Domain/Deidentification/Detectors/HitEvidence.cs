namespace SpineMetsRegistry.Domain.Deidentification.Detectors;

/// <summary>
/// How strong the evidence behind a hit is. When hits overlap, the strongest (lowest value)
/// wins, then the longest: "MRN 123456782" is a medical record number even though the digits
/// also pass the BSN check, and an e-mail address is not reported again as a name.
/// </summary>
internal enum HitEvidence
{
    /// <summary>The scan could not finish: overrides everything.</summary>
    Inconclusive = 0,

    /// <summary>An explicit keyword names the identifier ("MRN", "BSN", "tel", "DOB").</summary>
    Keyword = 1,

    /// <summary>An unambiguous structure: e-mail address, URL, IP address.</summary>
    Structure = 2,

    /// <summary>A check digit or checksum passed (BSN, NHS, IBAN, DNI, NIR) or the SSN rules held.</summary>
    Checksum = 3,

    /// <summary>A characteristic shape (phone number, full date, postcode, street address).</summary>
    Shape = 4,

    /// <summary>A word from the curated name lists.</summary>
    NameList = 5,

    /// <summary>Only a long run of digits.</summary>
    LongNumber = 6,
}
