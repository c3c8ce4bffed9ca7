using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Deidentification;
using SpineMetsRegistry.Domain.Tests.TestSupport;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Deidentification;

/// <summary>The gate inside batch validation: what quarantines a batch, and that reports never carry the value.</summary>
public sealed class DeidentificationGateTests
{
    // Synthetic identifiers (fake people, valid checksums where the detector checks one).
    public static TheoryData<string, string> PlantedInFreeText => new()
    {
        { "contact j.devries@example.org for details", "deid.value.email" },
        { "call +31 6 1234 5678 after discharge", "deid.value.phone" },
        { "SSN 332-20-6469 on the referral", "deid.value.us_ssn" },
        { "BSN 123456782", "deid.value.nl_bsn" },
        { "NHS 943 476 5919", "deid.value.uk_nhs_number" },
        { "born 12/03/1951", "deid.value.date_of_birth" },
        { "see https://portal.example.org/patient/77", "deid.value.url" },
        { "IBAN NL91ABNA0417164300", "deid.value.iban" },
        { "Mevr. Bakker fell at home", "deid.value.person_name" },
        { "MRN 8765432 in the old system", "deid.value.medical_record_number" },
    };

    [Theory]
    [MemberData(nameof(PlantedInFreeText))]
    public async Task Validate_IdentifierInFreeText_QuarantinesWithMaskedFindingAndNoEcho(string text, string code)
    {
        var csv = BatchText.Csv(SampleRows.Enrollment(), SampleRows.FollowUp().With("complication_text", text));

        var reports = await RenderedReports.RenderCsvAsync(csv);

        var finding = Assert.Single(reports.Run.Problems, p => p.IsIdentifier);
        Assert.Equal((3, "complication_text", code, Severity.Error), (finding.Row, finding.Field, finding.Code, finding.Severity));
        Assert.False(string.IsNullOrEmpty(finding.MaskedValue));
        Assert.Equal(BatchDecision.Quarantined, reports.Run.Summary.Decision);
        Assert.Equal(1, reports.Run.Summary.IdentifierFindings);
        Assert.Empty(reports.Run.Accepted);
        foreach (var rendering in new[] { JsonStrings(reports.Json), reports.Json, reports.Csv, reports.Text })
        {
            Assert.DoesNotContain(text, rendering, StringComparison.Ordinal);
        }

        foreach (var rendering in new[] { JsonStrings(reports.Json), reports.Csv, reports.Text })
        {
            Assert.Contains(finding.MaskedValue!, rendering, StringComparison.Ordinal);
        }
    }

    /// <summary>Every string in a JSON document, unescaped (the writer escapes characters such as '+').</summary>
    private static string JsonStrings(string json)
    {
        var strings = new StringBuilder();
        void Walk(System.Text.Json.JsonElement element)
        {
            switch (element.ValueKind)
            {
                case System.Text.Json.JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Walk(property.Value);
                    }

                    break;
                case System.Text.Json.JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
                case System.Text.Json.JsonValueKind.String:
                    strings.AppendLine(element.GetString());
                    break;
            }
        }

        using var document = System.Text.Json.JsonDocument.Parse(json);
        Walk(document.RootElement);
        return strings.ToString();
    }

    [Fact]
    public async Task Validate_EmailInReport_ShownOnlyMasked()
    {
        var csv = BatchText.Csv(SampleRows.Enrollment(), SampleRows.FollowUp().With("complication_text", "jan.devries@example.org"));

        var reports = await RenderedReports.RenderCsvAsync(csv);

        Assert.Contains("j***@***.org", reports.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("devries", reports.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("example", reports.Json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("patient_name", "deid.column.person_name")]
    [InlineData("Geburtsdatum", "deid.column.date_of_birth")]
    [InlineData("telefoon", "deid.column.phone")]
    [InlineData("MRN", "deid.column.medical_record_number")]
    [InlineData("código postal", "deid.column.postal_code")]
    public async Task Validate_IdentifierColumnName_QuarantinedEvenWhenEmpty(string column, string code)
    {
        var csv = BatchText.Csv(SampleRows.Enrollment().With(column, ""));

        var run = await ValidationRun.CsvAsync(csv);

        Assert.Contains((1, column, ProblemCodes.UnknownColumn, Severity.Error), run.Found);
        Assert.Contains((1, column, code, Severity.Error), run.Found);
        Assert.Equal(BatchDecision.Quarantined, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_IdentifierInUnknownColumn_QuarantinedAndColumnNamed()
    {
        var csv = BatchText.Csv(SampleRows.Enrollment().With("remarks", "GP: dr. Jansen, tel 020-1234567"));

        var run = await ValidationRun.CsvAsync(csv);

        Assert.Contains(run.Problems, p => p.Field == "remarks" && p.Code == "deid.value.phone");
        Assert.Equal(BatchDecision.Quarantined, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_UnknownColumnWithIsoDates_HeldNotQuarantined()
    {
        // A misnamed date column (INDEX_DATE) carries the index dates the registry may hold.
        var csv = BatchText.Csv(SampleRows.Enrollment().With("treatment_start", "2026-01-10"));

        var run = await ValidationRun.CsvAsync(csv);

        Assert.Equal(BatchDecision.Held, run.Summary.Decision);
        Assert.DoesNotContain(run.Problems, p => p.IsIdentifier);
    }

    [Fact]
    public async Task Validate_HeaderCellThatIsAName_ReportedByPositionOnly()
    {
        var csv = "record_type,study_id,Pieter Bakker\nenrollment,S01-0001,x\n";

        var reports = await RenderedReports.RenderCsvAsync(csv);

        Assert.Equal(BatchDecision.Quarantined, reports.Run.Summary.Decision);
        Assert.Contains(reports.Run.Problems, p => p.Field == "(column 3)" && p.Code == ProblemCodes.UnknownColumn);
        Assert.DoesNotContain("Bakker", reports.Json + reports.Csv + reports.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123456782", "deid.study_id.nl_bsn")]
    [InlineData("0612345678", "deid.study_id.phone")]
    [InlineData("8765432", "deid.study_id.medical_record_number")]
    public async Task Validate_StudyIdLikeAnIdentifier_QuarantinedAndNeverEchoed(string studyId, string code)
    {
        var reports = await RenderedReports.RenderCsvAsync(BatchText.Csv(SampleRows.Withdrawal(studyId)));

        Assert.Contains(reports.Run.Problems, p => p.Field == "study_id" && p.Code == code);
        Assert.Equal(BatchDecision.Quarantined, reports.Run.Summary.Decision);
        Assert.DoesNotContain(studyId, reports.Json + reports.Csv + reports.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90", true)]
    [InlineData("104", true)]
    [InlineData("90+", false)]
    [InlineData("89", false)]
    public async Task Validate_ExactAgeAbove89_IsAQuasiIdentifier(string age, bool quarantined)
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment().With("age_at_index", age));

        Assert.Equal(quarantined, run.Summary.Decision == BatchDecision.Quarantined);
        Assert.Equal(quarantined, run.Problems.Any(p => p.Code == DeidentificationGate.AgeOver89Code));
    }

    [Fact]
    public async Task Validate_NineDigitNumberInAnIntegerField_ScannedBecauseItIsNotAValidCount()
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment().With("spinal_mets_count", "123456782"));

        Assert.Contains(run.Problems, p => p.Code == ProblemCodes.OutOfRange);
        Assert.Contains(run.Problems, p => p.Field == "spinal_mets_count" && p.Code == "deid.value.nl_bsn");
        Assert.Equal(BatchDecision.Quarantined, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_VisitDatesInDateFields_NotFindings()
    {
        var run = await ValidationRun.CsvAsync(SampleRows.Enrollment(), SampleRows.FollowUp());

        Assert.DoesNotContain(run.Problems, p => p.IsIdentifier);
        Assert.Equal(BatchDecision.Accepted, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_IdentifierInBrokenJsonLine_StillFound()
    {
        var line = "{\"record_type\":\"followup\",\"study_id\":\"S01-0001\",\"complication_text\":\"mail j.devries@example.org\",}";

        var run = await ValidationRun.JsonLinesAsync(line + "\n");

        Assert.Contains(run.Problems, p => p.Code == ProblemCodes.InvalidJson);
        Assert.Contains(run.Problems, p => p.Code == "deid.value.email");
        Assert.Equal(BatchDecision.Quarantined, run.Summary.Decision);
    }

    [Fact]
    public async Task Validate_DowngradedCategoryForAField_WarningAndBatchStored()
    {
        var row = SampleRows.Enrollment().With(("primary_tumour", "other"), ("primary_other_text", "Mevr. Bakker"));
        var settings = DeidentificationSettings.Create([new SeverityDowngradeOptions { Field = "primary_other_text", Category = "person_name" }]).Value!;

        var strict = await ValidationRun.CsvAsync(BatchText.Csv(row));
        var lenient = await ValidationRun.CsvAsync(BatchText.Csv(row), ValidationRun.Context(c => c with { Scanner = new IdentifierScanner(settings) }));

        Assert.Equal(BatchDecision.Quarantined, strict.Summary.Decision);
        var warning = Assert.Single(lenient.Problems, p => p.IsIdentifier);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(BatchDecision.Accepted, lenient.Summary.Decision);
        Assert.Equal(0, lenient.Summary.IdentifierFindings);
    }

    [Fact]
    public async Task Validate_MillionRowBatchStreamedWithIdentifierAtTheEnd_QuarantinedInFlatMemory()
    {
        // The batch is generated as it is read (never materialised) and the checks across rows
        // spill to streams, so the gate and validation hold only a block and a bounded buffer.
        const int Rows = 1_000_000;
        var spills = new List<MemoryStream>();
        var context = ValidationRun.Context(c => c with
        {
            StudyIdPattern = BatchValidationContext.CompileStudyIdPattern("^S01-[0-9]{7}$"),
            SpillStreamFactory = () =>
            {
                var stream = new MemoryStream();
                spills.Add(stream);
                return stream;
            },
        });
        await using var content = new GeneratedBatchStream(Rows);
        var sink = new CollectingReportSink(capacity: 100);

        var outcome = await new BatchValidator(context).ValidateAsync(content, BatchFormat.Csv, sink);

        Assert.Equal(Rows + 1, outcome.Summary.Records);
        Assert.Equal(BatchDecision.Quarantined, outcome.Summary.Decision);
        var finding = Assert.Single(sink.Problems, p => p.IsIdentifier);
        Assert.Equal((Rows + 2, "complication_text", "deid.value.email"), (finding.Row, finding.Field, finding.Code));
        Assert.NotEmpty(spills);
        Assert.True(content.LargestRead <= 64 * 1024, $"The validator asked for {content.LargestRead} bytes at once.");
    }

    /// <summary>A million withdrawal rows and a last follow-up carrying an e-mail address, produced on demand.</summary>
    private sealed class GeneratedBatchStream(int rows) : Stream
    {
        private readonly byte[] _header = Encoding.UTF8.GetBytes("record_type,study_id,withdrawal_reason,time_point,visit_date,vital_status,complication_text\n");
        private byte[] _pending = [];
        private int _offset;
        private int _next = -1;

        public int LargestRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            LargestRead = Math.Max(LargestRead, buffer.Length);
            var written = 0;
            while (written < buffer.Length)
            {
                if (_offset == _pending.Length && !Advance())
                {
                    break;
                }

                var chunk = Math.Min(buffer.Length - written, _pending.Length - _offset);
                _pending.AsSpan(_offset, chunk).CopyTo(buffer[written..]);
                _offset += chunk;
                written += chunk;
            }

            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        private bool Advance()
        {
            _next++;
            _offset = 0;
            _pending = _next switch
            {
                0 => _header,
                _ when _next <= rows => Encoding.UTF8.GetBytes($"withdrawal,S01-{_next:D7},consent_withdrawn,,,,\n"),
                _ when _next == rows + 1 => Encoding.UTF8.GetBytes("followup,S01-0000000,,6w,2026-02-21,alive,write to j.devries@example.org\n"),
                _ => [],
            };
            return _pending.Length > 0;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
