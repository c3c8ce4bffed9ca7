using System.Text;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// The first part of the schedule step: reads the batch's staged chunks, collects what they
/// say about each patient's schedule (<see cref="PatientScheduleFacts"/>), and writes the
/// patients, in study-ID order, as groups of <see cref="PatientsPerGroup"/> (by default) to the staging area,
/// one <see cref="ScheduleGroupActivity"/> each. Only the group count crosses the workflow.
/// <para>
/// Why groups, each its own activity: one activity for a whole batch ran for 20 minutes per
/// batch of 20,000 rows on a saturated emulator, past the engine's message lease (it ran twice at
/// once), and a batch of a million rows would pass the Functions host's activity time-out. A group
/// is bounded whatever the batch, and groups of one batch run side by side.
/// </para>
/// <para>
/// Its memory is bounded too: the patients are sorted through <see cref="PatientScheduleFactsSorter"/>,
/// which writes them to temporary files past <c>patientsInMemory</c> and merges them back in order,
/// and the groups are written one at a time as the merge gives them.
/// </para>
/// Idempotent: the groups are a function of the staged chunks.
/// </summary>
/// <param name="central">The central blob areas (staging).</param>
/// <param name="ledger">The batch ledger.</param>
/// <param name="patientsPerGroup">Patients per group: <see cref="PatientsPerGroup"/> unless a test makes groups small to run many.</param>
/// <param name="patientsInMemory">Patients held in memory before they go to a temporary file: <see cref="PatientScheduleFactsSorter.DefaultPatientsInMemory"/> unless a test makes it small.</param>
public sealed class PlanScheduleActivity(
    ICentralBlobs central,
    IBatchLedger ledger,
    int patientsPerGroup = PlanScheduleActivity.PatientsPerGroup,
    int patientsInMemory = PatientScheduleFactsSorter.DefaultPatientsInMemory)
{
    /// <summary>
    /// Patients per group by default: their date-index rows share day partitions, so a group's rows go in
    /// transactions instead of a request per patient and day (see <see cref="Schedule.PatientScheduleWriter"/>),
    /// and their current schedules are one range read.
    /// </summary>
    public const int PatientsPerGroup = 1_000;

    /// <summary>Runs the activity.</summary>
    public async Task<SchedulePlan> RunAsync(BatchStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var entry = await LedgerUpdates.RequireAsync(ledger, step.Site, step.BatchKey, cancellationToken);
        if (BatchLedgerRules.IsCompleted(entry))
        {
            return SchedulePlan.Nothing; // a late duplicate execution: the batch's staging is gone and the schedule may have moved on
        }

        using var patients = new PatientScheduleFactsSorter(TemporarySpillFile.Create, patientsInMemory);
        await CollectAsync(step, patients, cancellationToken);
        // In study-ID order, so a group's current schedules are one range of the site's rows.
        var (groups, patientCount) = (0, 0);
        foreach (var group in patients.InStudyIdOrder().Chunk(patientsPerGroup))
        {
            await WriteGroupAsync(BatchBlobNames.ScheduleGroup(step.Site, step.BatchKey, groups), group, cancellationToken);
            groups++;
            patientCount += group.Length;
        }

        return new SchedulePlan(groups, patientCount);
    }

    private async Task CollectAsync(BatchStep step, PatientScheduleFactsSorter patients, CancellationToken cancellationToken)
    {
        await foreach (var name in central.ListAsync(CentralArea.Staging, BatchBlobNames.ChunkPrefix(step.Site, step.BatchKey), cancellationToken))
        {
            await using var stream = await central.OpenReadAsync(CentralArea.Staging, name, cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                patients.Add(StagedRecord.FromJsonLine(line));
            }
        }
    }

    private async Task WriteGroupAsync(string name, IEnumerable<PatientScheduleFacts> patients, CancellationToken cancellationToken)
    {
        var lines = new StringBuilder();
        foreach (var patient in patients)
        {
            lines.Append(patient.ToJsonLine()).Append('\n');
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString()));
        await central.UploadAsync(CentralArea.Staging, name, stream, overwrite: true, cancellationToken);
    }
}
