using System.Text;
using SpineMetsRegistry.Domain.Records;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>
/// Collects a batch's <see cref="PatientScheduleFacts"/> patient by patient and gives them back in
/// study-ID order (ordinal), holding at most a bounded number of patients in memory: past
/// <c>patientsInMemory</c>, the patients collected so far are written, sorted, to a run (a spill
/// stream, e.g. a temporary file) and the runs are merged at the end. A patient whose records
/// fall into several runs is combined in batch order (<see cref="PatientScheduleFacts.Append"/>),
/// so the result is exactly what one pass in memory gives.
/// <para>
/// Why: the schedule step's plan is the one place where the whole batch's patients meet (their
/// order decides the groups); a million-row batch has about 225,000 of them. With runs, its memory
/// stays flat whatever the batch, as validation's checks across rows do.
/// </para>
/// </summary>
public sealed class PatientScheduleFactsSorter : IDisposable
{
    /// <summary>Patients held in memory by default before a run is written (a few MB of facts).</summary>
    public const int DefaultPatientsInMemory = 20_000;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly Comparer<(string StudyId, int Run)> StudyIdThenRun = Comparer<(string StudyId, int Run)>.Create((a, b) =>
    {
        var byStudyId = string.CompareOrdinal(a.StudyId, b.StudyId);
        return byStudyId != 0 ? byStudyId : a.Run.CompareTo(b.Run);
    });

    private readonly Func<Stream> _spillFactory;
    private readonly int _patientsInMemory;
    private readonly Dictionary<string, PatientScheduleFacts> _patients = new(StringComparer.Ordinal);
    private readonly List<Stream> _runs = [];
    private bool _read;

    /// <summary>Creates a sorter.</summary>
    /// <param name="spillFactory">Creates an empty read/write stream for one run.</param>
    /// <param name="patientsInMemory">Patients held before a run is written (at least 1).</param>
    public PatientScheduleFactsSorter(Func<Stream> spillFactory, int patientsInMemory = DefaultPatientsInMemory)
    {
        ArgumentNullException.ThrowIfNull(spillFactory);
        ArgumentOutOfRangeException.ThrowIfLessThan(patientsInMemory, 1);
        _spillFactory = spillFactory;
        _patientsInMemory = patientsInMemory;
    }

    /// <summary>How many runs were written so far (0 while every patient fits in memory).</summary>
    public int Runs => _runs.Count;

    /// <summary>Adds what one staged record says about its patient's schedule (withdrawals say nothing: the store step removed the schedule).</summary>
    public void Add(StagedRecord staged)
    {
        ArgumentNullException.ThrowIfNull(staged);
        ThrowIfRead();
        if (staged.Kind == RecordKinds.WithdrawalCode)
        {
            return;
        }

        if (!_patients.TryGetValue(staged.StudyId, out var facts))
        {
            facts = new PatientScheduleFacts { StudyId = staged.StudyId };
            _patients.Add(staged.StudyId, facts);
        }

        facts.Add(staged);
        if (_patients.Count >= _patientsInMemory)
        {
            WriteRun();
        }
    }

    /// <summary>
    /// Every patient once, in ordinal study-ID order, each with everything the batch said about
    /// them. Enumerate once, after the last <see cref="Add"/>.
    /// </summary>
    public IEnumerable<PatientScheduleFacts> InStudyIdOrder()
    {
        ThrowIfRead();
        _read = true;
        if (_runs.Count == 0)
        {
            return _patients.Values.OrderBy(p => p.StudyId, StringComparer.Ordinal);
        }

        WriteRun();
        return MergeRuns();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var run in _runs)
        {
            run.Dispose();
        }

        _runs.Clear();
        _patients.Clear();
        _read = true;
    }

    private void ThrowIfRead()
    {
        if (_read)
        {
            throw new InvalidOperationException("The sorter's patients were already read (or it was disposed): it sorts one batch once.");
        }
    }

    private void WriteRun()
    {
        if (_patients.Count == 0)
        {
            return;
        }

        var run = _spillFactory();
        _runs.Add(run);
        using (var writer = new StreamWriter(run, Utf8, 1 << 16, leaveOpen: true))
        {
            foreach (var patient in _patients.Values.OrderBy(p => p.StudyId, StringComparer.Ordinal))
            {
                writer.Write(patient.ToJsonLine());
                writer.Write('\n');
            }
        }

        run.Position = 0;
        _patients.Clear();
    }

    private IEnumerable<PatientScheduleFacts> MergeRuns()
    {
        var readers = _runs.Select(run => new StreamReader(run, Utf8, detectEncodingFromByteOrderMarks: false, 1 << 16, leaveOpen: true)).ToArray();
        try
        {
            // Each run holds a patient at most once, in order; the heads of all runs are the
            // candidates, and on a tie the earlier run (earlier in the batch) comes first.
            var heads = new PriorityQueue<(PatientScheduleFacts Facts, int Run), (string StudyId, int Run)>(StudyIdThenRun);
            for (var run = 0; run < readers.Length; run++)
            {
                Advance(heads, readers, run);
            }

            while (heads.TryDequeue(out var head, out _))
            {
                var patient = head.Facts;
                Advance(heads, readers, head.Run);
                while (heads.TryPeek(out var next, out _) && string.Equals(next.Facts.StudyId, patient.StudyId, StringComparison.Ordinal))
                {
                    heads.Dequeue();
                    patient.Append(next.Facts);
                    Advance(heads, readers, next.Run);
                }

                yield return patient;
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    private static void Advance(PriorityQueue<(PatientScheduleFacts Facts, int Run), (string StudyId, int Run)> heads, StreamReader[] readers, int run)
    {
        while (readers[run].ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                var facts = PatientScheduleFacts.FromJsonLine(line);
                heads.Enqueue((facts, run), (facts.StudyId, run));
                return;
            }
        }
    }
}
