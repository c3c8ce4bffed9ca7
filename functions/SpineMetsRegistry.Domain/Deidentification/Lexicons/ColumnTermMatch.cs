namespace SpineMetsRegistry.Domain.Deidentification.Lexicons;

/// <summary>How a column-name lexicon term is compared with a normalised column name.</summary>
internal enum ColumnTermMatch
{
    /// <summary>
    /// One token of the name equals the term. For short terms that occur inside ordinary words:
    /// <c>ip</c> must match <c>ip_address</c> but not <c>primary</c>; <c>dob</c> must not match
    /// inside a longer word.
    /// </summary>
    Token,

    /// <summary>
    /// The name with separators removed contains the term. For long, distinctive terms and for
    /// compounds written with or without separators (<c>date_of_birth</c>, <c>DateOfBirth</c>,
    /// <c>geboortedatum</c>, <c>Telefonnummer</c>).
    /// </summary>
    Contains,

    /// <summary>
    /// One token equals the term or ends with it (a compound whose head is the term), and no token
    /// of the name is a non-person qualifier such as <c>tumour</c> or <c>drug</c>. Used only for
    /// the words for "name" (<c>patientname</c>, <c>patiëntnaam</c>, but not <c>tumour_name</c>).
    /// </summary>
    NameWord,
}
