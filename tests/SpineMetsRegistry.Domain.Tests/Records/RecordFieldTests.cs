using System.Text;
using SpineMetsRegistry.Domain.Batches;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Records;
using SpineMetsRegistry.Domain.Scoring;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.Synthetic;

namespace SpineMetsRegistry.Domain.Tests.Records;

/// <summary>
/// A field resolved to its slot reads a record exactly as a read by code does, whether the
/// record holds its values by slot (validated) or in a plain dictionary (read back from
/// storage), and the scorer, which reads by slot, scores both forms alike.
/// </summary>
public sealed class RecordFieldTests
{
    private static readonly DateOnly ReceivedOn = new(2026, 11, 1);

    [Fact]
    public async Task Getters_GeneratedRecords_SameAsReadsByCodeForEveryField()
    {
        var fields = DataDictionary.Default.Fields.Select(f => new RecordField(f.Code)).Append(new RecordField("not_a_field")).ToArray();
        var records = await GeneratedRecordsAsync(300);
        var read = 0;
        foreach (var record in records)
        {
            var copy = PlainCopy(record);
            foreach (var field in fields)
            {
                Assert.Equal(record.GetString(field.Code), record.GetString(field));
                Assert.Equal(record.GetInteger(field.Code), record.GetInteger(field));
                Assert.Equal(record.GetDecimal(field.Code), record.GetDecimal(field));
                Assert.Equal(record.GetString(field.Code), copy.GetString(field));
                Assert.Equal(record.GetInteger(field.Code), copy.GetInteger(field));
                Assert.Equal(record.GetDecimal(field.Code), copy.GetDecimal(field));
                read += record.Has(field.Code) ? 1 : 0;
            }
        }

        // The generated rows hold many values of each kind read.
        Assert.True(read > 5_000, $"{read} values read");
        Assert.Contains(records, r => r.Values.Values.OfType<decimal>().Any());
    }

    [Fact]
    public async Task Score_GeneratedRecords_SlotAndDictionaryFormsScoreAlike()
    {
        var scorer = RecordScorer.Create(new InstrumentSettings()).Value!;
        var compared = 0;
        foreach (var record in await GeneratedRecordsAsync(300))
        {
            var bySlot = scorer.Score(record);
            var byCode = scorer.Score(PlainCopy(record));

            Assert.Equal(byCode.Count, bySlot.Count);
            for (var i = 0; i < bySlot.Count; i++)
            {
                Assert.Equal(Describe(byCode[i]), Describe(bySlot[i]));
                compared++;
            }
        }

        Assert.True(compared > 3_000, $"{compared} scores compared");
    }

    [Fact]
    public void ValueIn_SlotsOfAnotherDictionary_ResolvedAgainForThem()
    {
        var d = DataDictionary.Default;
        var other = new DataDictionary(d.Name, d.Version, d.RecordTypes, d.CodeLists, [.. d.Fields.Reverse()], d.Rules);
        var field = new RecordField("kps");
        var defaultValues = new FieldSlotMap<object>(FieldSlots.Of(DataDictionary.Default));
        var otherValues = new FieldSlotMap<object>(FieldSlots.Of(other));
        Assert.True(FieldSlots.Of(DataDictionary.Default).TryGetSlot("kps", out var defaultSlot));
        Assert.True(FieldSlots.Of(other).TryGetSlot("kps", out var otherSlot));
        Assert.NotEqual(defaultSlot, otherSlot);
        defaultValues.Set(defaultSlot, 70L);
        otherValues.Set(otherSlot, 80L);

        // Alternating, so a slot kept from the other dictionary would read the wrong cell.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(70L, field.ValueIn(defaultValues));
            Assert.Equal(80L, field.ValueIn(otherValues));
        }
    }

    private static string Describe(DerivedScore score) =>
        string.Join(" | ", score.Name, score.Value, score.Category, score.Instrument, score.InstrumentVersion, score.Definition, score.NotComputableReason,
            string.Join(", ", score.Inputs.Select(i => $"{i.Key}={i.Value ?? "null"}")),
            string.Join(", ", score.Rules.Select(r => $"{r.Key}: {r.Value}")));

    private static RegistryRecord PlainCopy(RegistryRecord record) =>
        new(record.Kind, record.StudyId, record.Row, new Dictionary<string, object>(record.Values, StringComparer.Ordinal));

    private static async Task<List<RegistryRecord>> GeneratedRecordsAsync(int rows)
    {
        var rowsGenerated = SyntheticCohortGenerator.Generate(new SyntheticCohortOptions
        {
            SiteCode = "S01",
            Patients = int.MaxValue,
            AsOf = ReceivedOn,
            Seed = 15,
            StudyNumberDigits = 7,
            EnrollmentMonths = 24,
            DataErrorRate = 0.05,
        }).Take(rows);
        using var text = new StringWriter();
        SyntheticBatchWriter.WriteCsv(rowsGenerated, text);

        var context = new BatchValidationContext
        {
            SiteCode = "S01",
            StudyIdPattern = BatchValidationContext.CompileStudyIdPattern("^S01-[0-9]{7}$"),
            ReceivedOn = ReceivedOn,
        };
        var validator = new RecordValidator(context);
        var records = new List<RegistryRecord>();
        var reader = BatchReaders.Open(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), BatchFormat.Csv);
        await foreach (var raw in reader.ReadAsync())
        {
            if (validator.Validate(raw).Record is { } record)
            {
                records.Add(record);
            }
        }

        Assert.Contains(records, r => r.Kind == RecordKind.Enrollment);
        Assert.Contains(records, r => r.Kind == RecordKind.FollowUp);
        return records;
    }
}
