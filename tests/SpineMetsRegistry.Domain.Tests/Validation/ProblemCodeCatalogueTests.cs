using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>
/// Every problem code the validator can emit, with one batch that earns it and the same
/// batch corrected, which must not. The catalogue must cover every code of
/// <see cref="ProblemCodes.All"/> except the one named in <see cref="NotEmittedByValidator"/>.
/// </summary>
public sealed class ProblemCodeCatalogueTests
{
    /// <summary>
    /// unsupported_format is decided by the command line from the file name (tested in the
    /// CLI tests).
    /// </summary>
    private static readonly string[] NotEmittedByValidator = [ProblemCodes.UnsupportedFormat];

    private sealed record Example(BatchFormat Format, byte[] Failing, byte[] Passing, IKnownPatients? Known = null);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static Example Csv(string failing, string passing) => new(BatchFormat.Csv, Utf8(failing), Utf8(passing));

    private static Example Csv(Row[] failing, Row[] passing) => Csv(BatchText.Csv(failing), BatchText.Csv(passing));

    private static Example Csv(Row failing, Row passing) => Csv([failing], [passing]);

    private static Example Jsonl(string failing, string passing) => new(BatchFormat.JsonLines, Utf8(failing + "\n"), Utf8(passing + "\n"));

    private const string WithdrawalHeader = "record_type,study_id,withdrawal_reason";
    private const string WithdrawalValues = "withdrawal,S01-0001,consent_withdrawn";
    private const string WithdrawalJson = """{"record_type":"withdrawal","study_id":"S01-0001","withdrawal_reason":"consent_withdrawn"}""";

    private static readonly Row Enrollment = SampleRows.Enrollment();
    private static readonly Row FollowUp = SampleRows.FollowUp();
    private static readonly Row Deceased12w = SampleRows.FollowUp(timePoint: "12w", visitDate: "2026-04-01").With(("vital_status", "deceased"), ("death_date", "2026-03-20")).Without("nrs_pain");

    private static readonly RedcapProject RedcapLongitudinal = new();
    private static readonly RedcapProject RedcapRepeating = new(repeating: true);
    private static readonly RedcapRow RedcapBaseline = new("baseline_arm_1", Enrollment);

    private static readonly Dictionary<string, Example> Examples = new()
    {
        [ProblemCodes.EmptyFile] = Csv("", $"{WithdrawalHeader}\n{WithdrawalValues}\n"),
        [ProblemCodes.NoRecords] = Csv($"{WithdrawalHeader}\n", $"{WithdrawalHeader}\n{WithdrawalValues}\n"),
        [ProblemCodes.UnsupportedEncoding] = new(BatchFormat.Csv, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes($"{WithdrawalHeader}\n{WithdrawalValues}\n")], Utf8($"{WithdrawalHeader}\n{WithdrawalValues}\n")),
        [ProblemCodes.CompressedFile] = new(BatchFormat.Csv, [0x1F, 0x8B, 0x08, .. Utf8($"{WithdrawalHeader}\n{WithdrawalValues}\n")], Utf8($"{WithdrawalHeader}\n{WithdrawalValues}\n")),
        [ProblemCodes.ByteOrderMark] = new(BatchFormat.Csv, [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Utf8($"{WithdrawalHeader}\n{WithdrawalValues}\n")], [0xEF, 0xBB, 0xBF, .. Utf8($"{WithdrawalHeader}\n{WithdrawalValues}\n")]),
        [ProblemCodes.ControlCharacter] = Csv(FollowUp.With("complication_text", "wound\u001b[0m ooze"), FollowUp.With("complication_text", "wound ooze")),
        [ProblemCodes.ImplausibleDate] = Csv(Enrollment.With("index_date", "1900-01-01"), Enrollment.With("index_date", "2000-01-01")),
        [ProblemCodes.UnknownColumn] = Csv($"{WithdrawalHeader},tumour_grade\n{WithdrawalValues},\n", $"{WithdrawalHeader}\n{WithdrawalValues}\n"),
        [ProblemCodes.DuplicateColumn] = Csv($"{WithdrawalHeader},study_id\n{WithdrawalValues},S01-0001\n", $"{WithdrawalHeader}\n{WithdrawalValues}\n"),
        [ProblemCodes.EmptyColumnName] = Csv($"{WithdrawalHeader},\n{WithdrawalValues},\n", $"{WithdrawalHeader}\n{WithdrawalValues}\n"),
        [ProblemCodes.MissingColumn] = Csv("study_id,withdrawal_reason\nS01-0001,consent_withdrawn\n", $"{WithdrawalHeader}\n{WithdrawalValues}\n"),
        [ProblemCodes.TooManyColumns] = Csv(
            WithdrawalHeader + string.Concat(Enumerable.Range(4, 600).Select(i => $",c{i}")) + "\n" + WithdrawalValues + new string(',', 600) + "\n",
            $"{WithdrawalHeader}\n{WithdrawalValues}\n"),
        [ProblemCodes.InvalidEncoding] = new(BatchFormat.Csv, Encoding.Latin1.GetBytes(BatchText.Csv(FollowUp.With("complication_text", "Infección"))), Utf8(BatchText.Csv(FollowUp.With("complication_text", "Infección")))),
        [ProblemCodes.RaggedRow] = Csv($"{WithdrawalHeader}\nwithdrawal,S01-0001\n", $"{WithdrawalHeader}\n{WithdrawalValues}\n"),
        [ProblemCodes.UnterminatedQuote] = Csv($"{WithdrawalHeader}\nwithdrawal,S01-0001,\"consent_withdrawn\n", $"{WithdrawalHeader}\nwithdrawal,S01-0001,\"consent_withdrawn\"\n"),
        [ProblemCodes.InvalidQuote] = Csv(BatchText.Csv(FollowUp.With("complication_text", "x")).Replace(",x\n", ",wound \"ooze\"\n", StringComparison.Ordinal), BatchText.Csv(FollowUp.With("complication_text", "wound \"ooze\""))),
        [ProblemCodes.FieldTooLong] = Csv(FollowUp.With("complication_text", new string('x', 4_001)), FollowUp.With("complication_text", new string('x', 500))),
        [ProblemCodes.RecordTooLong] = Jsonl(WithdrawalJson.Replace("}", ",\"complication_text\":\"" + new string('x', 300_000) + "\"}", StringComparison.Ordinal), WithdrawalJson),
        [ProblemCodes.InvalidJson] = Jsonl(WithdrawalJson[..^1], WithdrawalJson),
        [ProblemCodes.JsonNotObject] = Jsonl("[\"withdrawal\",\"S01-0001\",\"consent_withdrawn\"]", WithdrawalJson),
        [ProblemCodes.JsonNestedValue] = Jsonl(WithdrawalJson.Replace("\"consent_withdrawn\"", "{\"code\":\"consent_withdrawn\"}", StringComparison.Ordinal), WithdrawalJson),
        [ProblemCodes.BlankRow] = Csv($"{WithdrawalHeader}\n{WithdrawalValues}\n\nwithdrawal,S01-0002,consent_withdrawn\n", $"{WithdrawalHeader}\n{WithdrawalValues}\nwithdrawal,S01-0002,consent_withdrawn\n"),
        [ProblemCodes.MissingRequired] = Csv(SampleRows.Withdrawal().With("withdrawal_reason", ""), SampleRows.Withdrawal()),
        [ProblemCodes.MissingRecommended] = Csv(FollowUp.Without("saves_grade"), FollowUp),
        [ProblemCodes.InvalidType] = Csv(Enrollment.With("spinal_mets_count", "22.5"), Enrollment.With("spinal_mets_count", "22.0")),
        [ProblemCodes.OutOfRange] = Csv(Enrollment.With("age_at_index", "93"), Enrollment.With("age_at_index", "90+")),
        [ProblemCodes.InvalidCode] = Csv(Enrollment.With("sex", "f"), Enrollment.With("sex", "Female")),
        [ProblemCodes.TooLong] = Csv(Enrollment.With(("surgery_type", "other"), ("surgery_other_text", new string('x', 201))), Enrollment.With(("surgery_type", "other"), ("surgery_other_text", new string('x', 200)))),
        [ProblemCodes.InvalidRecordType] = Csv(Enrollment.With("record_type", "baseline"), Enrollment.With("record_type", "Enrollment")),
        [ProblemCodes.NotApplicable] = Csv(Enrollment.With("time_point", "6w"), Enrollment.With("time_point", "")),
        [ProblemCodes.ConflictingValues] = Csv(Enrollment.With("index_treatment", "radiotherapy"), Enrollment.With("index_treatment", "combined")),
        [ProblemCodes.PartialInstrument] = Csv(FollowUp.WithEq5d().Without("eq5d_ad"), FollowUp.WithEq5d()),
        [ProblemCodes.RuleViolated] = Csv(Enrollment.Without("ecog"), Enrollment.Without("ecog").With("kps", "60")),
        [ProblemCodes.StudyIdPattern] = Csv(SampleRows.Withdrawal("S02-0001"), SampleRows.Withdrawal("S01-0001")),
        [ProblemCodes.DateInFuture] = Csv(Enrollment.With("index_date", "2026-06-02"), Enrollment.With("index_date", "2026-06-01")),
        [ProblemCodes.DuplicateRecord] = Csv([Enrollment, Enrollment], [Enrollment, SampleRows.Enrollment("S01-0002")]),
        [ProblemCodes.VisitBeforeIndex] = Csv([Enrollment, FollowUp.With("visit_date", "2026-01-09")], [Enrollment, FollowUp.With("visit_date", "2026-01-10")]),
        [ProblemCodes.VisitAfterDeath] = Csv(
            [Enrollment, Deceased12w, SampleRows.FollowUp(timePoint: "26w", visitDate: "2026-05-15")],
            [Enrollment, Deceased12w, SampleRows.FollowUp(timePoint: "6w", visitDate: "2026-02-21")]),
        [ProblemCodes.UnknownStudyId] = Csv([FollowUp], [Enrollment, FollowUp]) with { Known = KnownPatientSnapshot.Empty },
        // Index 2026-01-10: the 6w window (default 42 +/- 14 days) ends on day 56, 2026-03-07.
        [ProblemCodes.OutsideWindow] = Csv([Enrollment, FollowUp.With("visit_date", "2026-03-08")], [Enrollment, FollowUp.With("visit_date", "2026-03-07")]),
        [ProblemCodes.RedcapLabelsExport] = Csv(RedcapLongitudinal.LabelsExport(RedcapBaseline), RedcapLongitudinal.RawExport(RedcapBaseline)),
        [ProblemCodes.RedcapUnmappedEvent] = Csv(RedcapLongitudinal.RawExport(RedcapBaseline with { Event = "enrolment_arm_1" }), RedcapLongitudinal.RawExport(RedcapBaseline)),
        [ProblemCodes.RedcapRepeatingInstrument] = Csv(
            RedcapRepeating.RawExport(RedcapBaseline with { RepeatInstrument = "enrollment", RepeatInstance = 1 }),
            RedcapRepeating.RawExport(RedcapBaseline)),
        [ProblemCodes.WithdrawnPatient] = Csv([Enrollment, FollowUp, SampleRows.Withdrawal()], [Enrollment, FollowUp, SampleRows.Withdrawal("S01-0002")]),
    };

    public static TheoryData<string> Codes => new(Examples.Keys);

    [Fact]
    public void Catalogue_CoversEveryProblemCodeExceptTheOneTheValidatorCannotEmit()
    {
        var all = ProblemCodes.All.Select(p => p.Code).ToHashSet();

        Assert.Equal(all.Count, ProblemCodes.All.Count);
        Assert.Equal(all.Order(), Examples.Keys.Concat(NotEmittedByValidator).Order());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task Validate_FailingExample_EmitsCodeAndCorrectedExampleDoesNot(string code)
    {
        var example = Examples[code];
        var context = ValidationRun.Context(c => c with { KnownPatients = example.Known, FollowUpProtocol = new FollowUpProtocol() });

        var failing = await ValidationRun.RunAsync(example.Failing, example.Format, context);
        var passing = await ValidationRun.RunAsync(example.Passing, example.Format, context);

        Assert.Contains(failing.Problems, p => p.Code == code);
        Assert.DoesNotContain(passing.Problems, p => p.Code == code);
        Assert.Empty(passing.Errors);
        Assert.Equal(BatchDecision.Accepted, passing.Summary.Decision);
    }
}
