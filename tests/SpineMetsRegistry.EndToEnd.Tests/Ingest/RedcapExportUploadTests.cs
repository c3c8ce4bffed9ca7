using System.Text;
using SpineMetsRegistry.Domain.Batches.Redcap;
using SpineMetsRegistry.Domain.Dictionary;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Synthetic;
using SpineMetsRegistry.Testing.Azurite;

namespace SpineMetsRegistry.EndToEnd.Tests.Ingest;

/// <summary>A REDCap raw records export uploaded as it is: the pipeline detects it from the header and stores its records.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RedcapExportUploadTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Upload_RedcapRawExport_CompletedWithRecordTypesTimePointsAndCheckboxesFromTheExport()
    {
        using var registry = TestRegistry.Create("S01", "S02");
        await using var host = await PipelineHost.StartAsync(StorageNamespace.Create(azurite), registry);
        var enrollment = new SyntheticRow();
        foreach (var (field, value) in SiteBatches.FirstEnrollment)
        {
            enrollment[field] = value;
        }

        enrollment["lesion_levels"] = "T11;T12";
        SyntheticRow[] rows = [enrollment, SiteBatches.FirstSixWeeks, SiteBatches.SecondEnrollment];
        var layout = RedcapExportLayout.Longitudinal(DataDictionary.Default, new RedcapSettings());
        var export = new StringBuilder(string.Join(',', layout.Columns)).Append("\r\n");
        foreach (var row in rows)
        {
            export.Append(string.Join(',', layout.Row(row))).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(export.ToString());
        var batch = new Batch(SiteBatches.Site, "redcap-export-2026-01.csv", rows, bytes);

        var outcome = await host.UploadAsync(batch.Site, batch.FileName, batch.Bytes);

        Assert.Equal(IngestStartStatus.Started, outcome.Outcome);
        var entry = await host.Get<IBatchLedger>().GetAsync(batch.Site, batch.Key.Value);
        Assert.NotNull(entry);
        Assert.Equal((BatchStatus.Completed, BatchDecision.Accepted), (entry.Status, entry.Decision));
        Assert.Equal((3, 3, 0), (entry.Validation!.Records, entry.Validation.Accepted, entry.Validation.Errors));
        var records = host.Get<IRecordStore>();
        var first = await records.GetAsync(batch.Site, new RecordId("S01-0001", "enrollment"));
        Assert.NotNull(first);
        Assert.Equal("T11;T12", first.Values["lesion_levels"]);
        Assert.NotNull(await records.GetAsync(batch.Site, new RecordId("S01-0001", "6w")));
        Assert.NotNull(await records.GetAsync(batch.Site, new RecordId("S01-0002", "enrollment")));
    }
}
