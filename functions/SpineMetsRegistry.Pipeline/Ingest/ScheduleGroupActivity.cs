using System.Text;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Pipeline.Schedule;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// Updates the follow-up schedule of one group of the batch's patients (written by
/// <see cref="PlanScheduleActivity"/>): an enrollment plans its visits from the protocol and the
/// site's own index date; a follow-up completes its time point; a death stops the visits whose
/// window had not opened. Visits the site must hear about now are marked for the sweeps of the
/// arrival day and the next (<see cref="PatientScheduleWriter"/>). Groups hold distinct
/// patients, so they can run at once. Idempotent: the result is a function of the stored
/// schedule and the group.
/// </summary>
public sealed class ScheduleGroupActivity(ICentralBlobs central, IScheduleStore schedule, IBatchLedger ledger, RegistryPolicies policies)
{
    private readonly PatientScheduleWriter _writer = new(schedule);

    /// <summary>Runs the activity; returns how many expected visits the group's patients have after it.</summary>
    public async Task<int> RunAsync(ScheduleGroupStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        var entry = await LedgerUpdates.RequireAsync(ledger, step.Site, step.BatchKey, cancellationToken);
        if (BatchLedgerRules.IsCompleted(entry))
        {
            return 0; // a late duplicate execution: the batch's staging is gone and the schedule may have moved on
        }

        var name = BatchBlobNames.ScheduleGroup(step.Site, step.BatchKey, step.Group);
        if (!await central.ExistsAsync(CentralArea.Staging, name, cancellationToken))
        {
            // The receipt step deletes the staging area: a duplicate that read the ledger just
            // before the batch completed finds its group gone. Otherwise the plan was not written.
            return BatchLedgerRules.IsCompleted(await LedgerUpdates.RequireAsync(ledger, step.Site, step.BatchKey, cancellationToken))
                ? 0
                : throw new InvalidOperationException($"Schedule group {step.Group} of batch {step.Site}/{step.BatchKey} is not in the staging area; the plan step must run first.");
        }

        var patients = await ReadGroupAsync(name, cancellationToken);
        var changes = patients.Select(p => new PatientScheduleChange(p.StudyId, p.ToUpdate)).ToList();
        var next = await _writer.ApplyAllAsync(step.Site, changes, policies.Protocol, DateOnly.FromDateTime(step.At.UtcDateTime), cancellationToken);
        return next.Sum(visits => visits.Count);
    }

    private async Task<List<PatientScheduleFacts>> ReadGroupAsync(string name, CancellationToken cancellationToken)
    {
        var patients = new List<PatientScheduleFacts>();
        await using var stream = await central.OpenReadAsync(CentralArea.Staging, name, cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                patients.Add(PatientScheduleFacts.FromJsonLine(line));
            }
        }

        return patients;
    }
}
