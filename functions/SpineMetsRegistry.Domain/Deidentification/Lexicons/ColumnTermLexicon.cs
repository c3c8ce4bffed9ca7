using System.Collections.Frozen;
using static SpineMetsRegistry.Domain.Deidentification.IdentifierCategory;
using static SpineMetsRegistry.Domain.Deidentification.Lexicons.ColumnTermMatch;

namespace SpineMetsRegistry.Domain.Deidentification.Lexicons;

/// <summary>
/// The curated list of column-name terms that suggest an identifier, in English, Dutch, German,
/// French and Spanish (plus a few Italian and international forms). Terms are stored folded:
/// lower case, no accents, no separators (see <see cref="Text.LatinFolding"/>).
/// </summary>
/// <remarks>
/// Choice of match mode is what keeps the registry's own field codes clean: short or ambiguous
/// terms (<c>ip</c>, <c>dob</c>, <c>ssn</c>, <c>city</c>, <c>mobile</c>, <c>ort</c>) match only
/// as a whole token, long compounds match anywhere. When several terms match, the longest wins,
/// so <c>license_plate</c> is a vehicle identifier rather than a licence number and
/// <c>email_address</c> an e-mail address rather than a street address.
/// </remarks>
internal static class ColumnTermLexicon
{
    /// <summary>Every term, in a fixed order (ties between equally long matches go to the first).</summary>
    public static IReadOnlyList<ColumnTerm> Terms { get; } = Build();

    /// <summary>
    /// Tokens that make a "name" column the name of a thing rather than of a person
    /// (<c>tumour_name</c>, <c>drug_name</c>, <c>nom_medicament</c>, <c>hospital_name</c>).
    /// </summary>
    public static FrozenSet<string> NonPersonQualifiers { get; } = new[]
    {
        "tumour", "tumor", "tumeur", "tumore", "neoplasm", "cancer", "histology", "diagnosis", "diagnose",
        "disease", "ziekte", "krankheit", "maladie", "enfermedad", "drug", "drugs", "medication", "medicine",
        "medicament", "medikament", "farmaco", "geneesmiddel", "medicijn", "product", "brand", "generic",
        "regimen", "therapy", "therapie", "treatment", "behandeling", "behandlung", "traitement", "tratamiento",
        "file", "bestand", "datei", "fichier", "archivo", "host", "hospital", "ziekenhuis", "krankenhaus",
        "hopital", "site", "centre", "center", "centrum", "zentrum", "institution", "clinic", "kliniek",
        "klinik", "clinique", "clinica", "department", "afdeling", "abteilung", "study", "studie", "estudio",
        "etude", "trial", "protocol", "sponsor", "field", "variable", "instrument", "scale", "score",
        "questionnaire", "form", "event", "device", "implant", "manufacturer", "company", "procedure",
        "surgery", "operation", "test", "lab", "specimen", "sample", "antibody", "gene", "mutation",
        "organism", "level", "vertebra", "region", "organ", "country", "land", "pays", "pais",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static List<ColumnTerm> Build()
    {
        var terms = new List<ColumnTerm>();

        void Add(IdentifierCategory category, ColumnTermMatch match, string language, params string[] words)
        {
            foreach (var word in words)
            {
                terms.Add(new ColumnTerm(word, category, match, language));
            }
        }

        // Names (of the patient, a relative or the patient's own doctor).
        Add(PersonName, NameWord, "en", "name", "names");
        Add(PersonName, NameWord, "nl", "naam", "namen");
        Add(PersonName, NameWord, "fr", "nom", "noms");
        Add(PersonName, NameWord, "it", "nome");
        Add(PersonName, Contains, "en", "surname", "firstname", "lastname", "givenname", "familyname", "fullname",
            "middlename", "maidenname", "birthname", "forename", "christianname", "nickname", "nextofkin",
            "emergencycontact", "contactperson", "generalpractitioner", "familydoctor", "initials");
        Add(PersonName, Token, "en", "guardian", "spouse", "kin");
        Add(PersonName, Contains, "nl", "achternaam", "voornaam", "voornamen", "roepnaam", "meisjesnaam",
            "geboortenaam", "tussenvoegsel", "voorletters", "initialen", "huisarts", "contactpersoon");
        Add(PersonName, Contains, "de", "nachname", "vorname", "familienname", "geburtsname", "rufname",
            "hausarzt", "angehorige", "ansprechpartner");
        Add(PersonName, Contains, "fr", "prenom", "nomdefamille", "nomdenaissance", "nomdusage", "nomdejeunefille",
            "medecintraitant", "personneacontacter", "initiales");
        Add(PersonName, Contains, "es", "apellido", "nombredepila", "nombrecompleto", "nombredelpaciente",
            "nombrepaciente", "medicodecabecera", "medicodefamilia");
        // Spanish "nombre" is "name" but French "nombre" is "number" (nombre_de_lesions): only the
        // Spanish compounds above and the bare column "nombre" are flagged (see the classifier).
        Add(PersonName, Contains, "it", "cognome");

        Add(MedicalRecordNumber, Token, "intl", "mrn", "umrn", "hospno", "patno", "patnr", "chartno");
        Add(MedicalRecordNumber, Token, "es", "nhc");
        Add(MedicalRecordNumber, Token, "fr", "ipp");
        Add(MedicalRecordNumber, Contains, "en", "medicalrecord", "hospitalnumber", "hospitalno", "hospitalid",
            "patientnumber", "patientno", "patientnr", "patientid", "casenumber", "chartnumber", "recordnumber",
            "mrnumber");
        Add(MedicalRecordNumber, Contains, "nl", "patientnummer", "patnummer", "ziekenhuisnummer", "zisnummer",
            "epdnummer", "dossiernummer");
        Add(MedicalRecordNumber, Contains, "de", "patientennummer", "patientenid", "fallnummer",
            "krankenhausnummer", "aktennummer");
        Add(MedicalRecordNumber, Contains, "fr", "numerodossier", "numerodedossier", "numeropatient");
        Add(MedicalRecordNumber, Contains, "es", "historiaclinica", "numerohistoria", "numerodehistoria");

        Add(UsSocialSecurityNumber, Token, "en", "ssn");
        Add(UsSocialSecurityNumber, Contains, "en", "socialsecurity");
        Add(NlBsn, Token, "nl", "bsn");
        Add(NlBsn, Contains, "nl", "burgerservicenummer", "sofinummer");
        Add(UkNhsNumber, Token, "en", "nhs");
        Add(UkNhsNumber, Contains, "en", "nhsnumber", "nhsno");
        Add(NationalId, Token, "fr", "nir");
        Add(NationalId, Token, "es", "dni", "nie", "nif", "nuss", "cedula");
        Add(NationalId, Token, "en", "nino", "passport");
        Add(NationalId, Token, "nl", "paspoort");
        Add(NationalId, Token, "de", "reisepass");
        Add(NationalId, Token, "fr", "passeport");
        Add(NationalId, Token, "es", "pasaporte");
        Add(NationalId, Contains, "en", "nationalid", "nationalinsurance", "identitycard", "passportnumber", "taxid",
            "taxnumber");
        Add(NationalId, Contains, "nl", "identiteitskaart", "identiteitsbewijs", "rijksregisternummer");
        Add(NationalId, Contains, "de", "personalausweis", "ausweisnummer", "sozialversicherungsnummer",
            "steuerid", "steueridentifikationsnummer");
        Add(NationalId, Contains, "fr", "securitesociale", "cartedidentite", "carteidentite");
        Add(NationalId, Contains, "es", "seguridadsocial", "documentodeidentidad", "documentonacional");
        Add(NationalId, Contains, "it", "codicefiscale");

        Add(HealthPlanNumber, Contains, "en", "insurance", "policynumber", "policyno", "policynr", "policyid",
            "memberid", "membernumber", "beneficiary", "healthplan", "medicaid", "medicare");
        Add(HealthPlanNumber, Contains, "nl", "verzekering", "polisnummer");
        Add(HealthPlanNumber, Contains, "de", "versicherung", "versichertennummer", "krankenkasse");
        Add(HealthPlanNumber, Contains, "fr", "mutuelle", "numerodassure", "numeroassure", "assurancemaladie",
            "cartevitale");
        Add(HealthPlanNumber, Contains, "es", "numerodeafiliacion", "numeroafiliacion", "tarjetasanitaria",
            "poliza");

        Add(AccountNumber, Token, "en", "account", "accounts", "iban", "username", "login");
        Add(AccountNumber, Contains, "en", "accountnumber", "bankaccount", "creditcard", "cardnumber", "userid");
        Add(AccountNumber, Token, "nl", "rekening");
        Add(AccountNumber, Contains, "nl", "rekeningnummer", "bankrekening");
        Add(AccountNumber, Token, "de", "konto");
        Add(AccountNumber, Contains, "de", "kontonummer", "bankverbindung");
        Add(AccountNumber, Contains, "fr", "numerodecompte", "comptebancaire");
        Add(AccountNumber, Token, "es", "cuenta");
        Add(AccountNumber, Contains, "es", "numerodecuenta", "cuentabancaria");

        Add(LicenceNumber, Contains, "en", "licence", "license", "certificatenumber", "certificateno");
        Add(LicenceNumber, Contains, "nl", "rijbewijs", "bignummer");
        Add(LicenceNumber, Contains, "de", "fuhrerschein");
        Add(LicenceNumber, Contains, "fr", "permisdeconduire");
        Add(LicenceNumber, Contains, "es", "carnetdeconducir", "permisodeconducir");

        Add(VehicleIdentifier, Contains, "en", "licenseplate", "licenceplate", "numberplate", "registrationplate",
            "vehicle");
        Add(VehicleIdentifier, Token, "en", "vin");
        Add(VehicleIdentifier, Contains, "nl", "kenteken");
        Add(VehicleIdentifier, Contains, "de", "kennzeichen");
        Add(VehicleIdentifier, Contains, "fr", "immatriculation");
        Add(VehicleIdentifier, Contains, "es", "matricula");

        Add(DeviceIdentifier, Token, "en", "serial", "serials", "imei", "udi");
        Add(DeviceIdentifier, Contains, "en", "serialnumber", "serialno", "deviceid", "deviceserial", "macaddress");
        Add(DeviceIdentifier, Contains, "nl", "serienummer");
        Add(DeviceIdentifier, Contains, "de", "seriennummer");
        Add(DeviceIdentifier, Contains, "fr", "numerodeserie");
        Add(DeviceIdentifier, Contains, "es", "numerodeserie");

        Add(IpAddress, Token, "intl", "ip", "ips");
        Add(IpAddress, Contains, "intl", "ipv4", "ipv6");
        Add(IpAddress, Contains, "en", "ipaddress");
        Add(IpAddress, Contains, "nl", "ipadres");
        Add(IpAddress, Contains, "fr", "adresseip");
        Add(IpAddress, Contains, "es", "direccionip");

        Add(Url, Token, "intl", "url", "urls", "uri", "web");
        Add(Url, Contains, "en", "website", "webpage", "homepage", "webaddress", "facebook", "twitter", "linkedin",
            "instagram", "socialmedia");
        Add(Url, Contains, "nl", "webadres");
        Add(Url, Contains, "de", "webseite");
        Add(Url, Contains, "fr", "siteweb", "siteinternet");
        Add(Url, Contains, "es", "sitioweb", "paginaweb");

        Add(Email, Token, "intl", "mail");
        Add(Email, Contains, "en", "email", "emailaddress");
        Add(Email, Contains, "nl", "mailadres", "emailadres");
        Add(Email, Contains, "fr", "courriel");
        Add(Email, Token, "es", "correo");
        Add(Email, Contains, "es", "correoelectronico");

        Add(Phone, Contains, "en", "phone", "fax");
        Add(Phone, Token, "en", "tel", "mobile", "cell", "cellular", "pager");
        Add(Phone, Token, "nl", "mobiel", "gsm", "pieper");
        Add(Phone, Contains, "nl", "telefoon", "mobielnummer");
        Add(Phone, Token, "de", "handy");
        Add(Phone, Contains, "de", "telefon", "mobilnummer", "handynummer");
        Add(Phone, Token, "fr", "portable");
        Add(Phone, Token, "es", "movil", "celular");
        Add(Phone, Token, "intl", "tlf", "tfn");

        Add(DateOfBirth, Token, "en", "dob", "birth");
        Add(DateOfBirth, Contains, "en", "dateofbirth", "birthdate", "birthday", "birthyear");
        Add(DateOfBirth, Token, "nl", "geb", "gebdat");
        Add(DateOfBirth, Contains, "nl", "geboortedatum", "geboortejaar", "gebdatum");
        Add(DateOfBirth, Contains, "de", "geburtsdatum", "geburtstag", "geburtsjahr");
        Add(DateOfBirth, Token, "fr", "ddn");
        Add(DateOfBirth, Contains, "fr", "datedenaissance", "naissance");
        Add(DateOfBirth, Token, "es", "fnac");
        Add(DateOfBirth, Contains, "es", "fechadenacimiento", "nacimiento");
        Add(DateOfBirth, Contains, "it", "datadinascita", "datanascita");

        Add(PostalCode, Token, "en", "zip", "postal", "zips");
        Add(PostalCode, Contains, "en", "postcode", "postalcode", "zipcode");
        Add(PostalCode, Token, "de", "plz");
        Add(PostalCode, Contains, "de", "postleitzahl");
        Add(PostalCode, Contains, "fr", "codepostal");
        Add(PostalCode, Contains, "es", "codigopostal");

        Add(Address, Contains, "en", "address", "street", "housenumber", "residence", "latitude", "longitude",
            "geolocation");
        Add(Address, Token, "en", "city", "town", "village", "county", "gps", "lat", "lng");
        Add(Address, Contains, "nl", "adres", "straat", "huisnummer", "woonplaats");
        Add(Address, Token, "nl", "stad", "plaats", "gemeente", "wijk");
        Add(Address, Contains, "de", "anschrift", "strasse", "hausnummer", "wohnort");
        Add(Address, Token, "de", "stadt", "ort", "gemeinde");
        Add(Address, Contains, "fr", "domicile");
        Add(Address, Token, "fr", "rue", "ville", "commune", "quartier");
        Add(Address, Contains, "es", "direccion", "domicilio");
        Add(Address, Token, "es", "calle", "ciudad", "localidad", "municipio", "barrio");

        Add(Photograph, Token, "en", "photo", "photos", "picture", "pictures", "image", "images", "portrait",
            "selfie");
        Add(Photograph, Contains, "en", "photograph", "faceimage", "facephoto");
        Add(Photograph, Token, "nl", "foto", "fotos");
        Add(Photograph, Contains, "nl", "pasfoto");
        Add(Photograph, Token, "de", "bild", "bilder");
        Add(Photograph, Contains, "de", "lichtbild", "passfoto");
        Add(Photograph, Token, "es", "imagen", "imagenes");

        Add(Biometric, Contains, "en", "fingerprint", "voiceprint", "retinascan", "irisscan", "biometric");
        Add(Biometric, Contains, "nl", "vingerafdruk", "biometrie");
        Add(Biometric, Contains, "de", "fingerabdruck", "biometrisch");
        Add(Biometric, Contains, "fr", "empreintedigitale");
        Add(Biometric, Contains, "es", "huelladactilar");

        return terms;
    }
}
