using System.Text;
using Microsoft.Extensions.Time.Testing;
using SpineMetsRegistry.Domain.Validation;
using SpineMetsRegistry.EndToEnd.Tests.Support;
using SpineMetsRegistry.Pipeline.Aggregates;
using SpineMetsRegistry.Pipeline.Audit;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ingest;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Records;
using SpineMetsRegistry.Pipeline.Schedule;
using SpineMetsRegistry.Storage.Tables;
using SpineMetsRegistry.Testing.Azurite;
using static SpineMetsRegistry.EndToEnd.Tests.Support.Rows;

namespace SpineMetsRegistry.EndToEnd.Tests.Ingest;

/// <summary>A withdrawal removes every trace of the patient's data, and later data is refused.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WithdrawalTests(AzuriteFixture azurite)
{
    private const string Patient = "S01-0001";

    [Fact]
    public async Task Withdrawal_OfAStoredPatient_RemovesRecordsHistoryScheduleAndAggregatesKeepsOnlyTheFactAndRefusesLaterData()
    {
        using var registry = TestRegistry.Create("S01", "S02");
        var storage = StorageNamespace.Create(azurite);
        var clock = new FakeTimeProvider(PipelineHost.Now);
        await using var host = await PipelineHost.StartAsync(storage, registry, clock);
        var first = SiteBatches.First();
        await host.UploadAsync(first.Site, first.FileName, first.Bytes);
        Assert.NotEmpty(await host.Get<IScheduleStore>().GetPatientAsync(SiteBatches.Site, Patient));

        var withdrawal = Batch.Csv(SiteBatches.Site, "2025-12-10-withdrawal.csv", [SiteBatches.Withdrawal(Patient)]);
        Assert.Equal(IngestStartStatus.Started, (await host.UploadAsync(withdrawal.Site, withdrawal.FileName, withdrawal.Bytes)).Outcome);

        var ledger = host.Get<IBatchLedger>();
        var entry = await ledger.GetAsync(withdrawal.Site, withdrawal.Key.Value);
        Assert.NotNull(entry);
        Assert.Equal((BatchStatus.Completed, BatchDecision.Accepted), (entry.Status, entry.Decision));
        Assert.Equal(new StoreCounts(Inserted: 0, Updated: 0, Unchanged: 0, Withdrawn: 1), entry.Stored);

        // Every record, history row and scheduled visit of the patient is gone.
        var records = host.Get<IRecordStore>();
        Assert.Null(await records.GetAsync(SiteBatches.Site, new RecordId(Patient, "enrollment")));
        Assert.Null(await records.GetAsync(SiteBatches.Site, new RecordId(Patient, "6w")));
        Assert.Empty(await records.HistoryAsync(SiteBatches.Site, new RecordId(Patient, "enrollment")));
        Assert.Empty(await records.HistoryAsync(SiteBatches.Site, new RecordId(Patient, "6w")));
        Assert.Empty(await host.Get<IScheduleStore>().GetPatientAsync(SiteBatches.Site, Patient));
        var snapshot = await StorageSnapshot.ReadAsync(storage);
        foreach (var table in new[] { RegistryTables.Enrollments, RegistryTables.Visits, RegistryTables.RecordVersions, RegistryTables.Schedule, RegistryTables.ScheduleIndex })
        {
            Assert.DoesNotContain(snapshot.Table(table), row => row.Key.Contains(Patient, StringComparison.Ordinal) || row.Value.Contains(Patient, StringComparison.Ordinal));
        }

        // The other patients are untouched.
        Assert.NotNull(await records.GetAsync(SiteBatches.Site, new RecordId("S01-0002", "enrollment")));
        Assert.NotEmpty(await host.Get<IScheduleStore>().GetPatientAsync(SiteBatches.Site, "S01-0002"));

        // The register and the audit keep the fact only: who, when, which batch; no value.
        var register = Assert.Single(snapshot.Table(RegistryTables.Withdrawals));
        Assert.Equal(
            ["BatchKey", "Site", "StudyId", "WithdrawnOn"],
            register.Value.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(p => p[..p.IndexOf('=', StringComparison.Ordinal)]));
        Assert.Contains($"StudyId=String:{Patient};", register.Value, StringComparison.Ordinal);
        var audit = await ToListAsync(host.Get<IAuditLog>().ReadDayAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
        var aboutPatient = Assert.Single(audit, a => a.Target == Patient || (a.Detail ?? string.Empty).Contains(Patient, StringComparison.Ordinal));
        Assert.Equal(("withdraw", "ok"), (aboutPatient.Action, aboutPatient.Outcome));
        string[] patientValues = ["2025-09-15", "2025-10-27", "decompression_stabilisation", "breast", "mechanical", "under_50"];
        foreach (var table in new[] { RegistryTables.Withdrawals, RegistryTables.Audit })
        {
            Assert.All(snapshot.Table(table).Values, row => Assert.DoesNotContain(patientValues, v => row.Contains(v, StringComparison.Ordinal)));
        }

        // The aggregates no longer count the patient.
        var remaining = new[] { SiteBatches.SecondEnrollment, SiteBatches.ThirdEnrollment, SiteBatches.ThirdDied };
        var expected = ExpectedAggregates.From(remaining);
        Assert.Equal(2, expected.Patients);
        await expected.AssertStoredAsync(host.Get<IAggregateStore>(), AggregateScopes.Site(SiteBatches.Site));
        await expected.AssertStoredAsync(host.Get<IAggregateStore>(), AggregateScopes.Pooled);

        // A later upload of data for the study ID is refused.
        var late = Batch.Csv(SiteBatches.Site, "2025-12-15-late.csv",
        [
            Row(("record_type", "followup"), ("study_id", Patient), ("time_point", "12w"), ("visit_date", "2025-12-08"),
                ("vital_status", "alive"), ("nrs_pain", "2"), ("saves_grade", "none"), ("reoperation", "no"), ("local_recurrence", "no")),
        ]);
        Assert.Equal(IngestStartStatus.Started, (await host.UploadAsync(late.Site, late.FileName, late.Bytes)).Outcome);
        var refused = await ledger.GetAsync(late.Site, late.Key.Value);
        Assert.NotNull(refused);
        Assert.Equal((BatchStatus.Completed, BatchDecision.Rejected), (refused.Status, refused.Decision));
        Assert.Equal((1, 0, 1), (refused.Validation!.Records, refused.Validation.Accepted, refused.Validation.Rejected));
        var report = await ReadTextAsync(host.Landing, late.Site, BatchBlobNames.ValidationReportCsv(late.Key.Value));
        Assert.Contains($"2,study_id,withdrawn_patient,error,{Patient},", report, StringComparison.Ordinal);
        Assert.Null(await records.GetAsync(SiteBatches.Site, new RecordId(Patient, "12w")));
        Assert.Empty(await records.HistoryAsync(SiteBatches.Site, new RecordId(Patient, "12w")));
        await expected.AssertStoredAsync(host.Get<IAggregateStore>(), AggregateScopes.Site(SiteBatches.Site));
    }

    private static async Task<string> ReadTextAsync(ILandingBlobs landing, string site, string name)
    {
        await using var stream = await landing.OpenReadAsync(site, LandingArea.Reports, name);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
