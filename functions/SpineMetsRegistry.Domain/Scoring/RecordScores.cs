using System.Collections;

namespace SpineMetsRegistry.Domain.Scoring;

/// <summary>
/// A record's derived scores, held per instrument (<see cref="Instruments"/>): one object per
/// instrument with its provenance, not one per score. Read as a list it gives each score as a
/// <see cref="DerivedScore"/>, in order, made when read; the store reads the instruments
/// instead, rendering each instrument's provenance once.
/// </summary>
public sealed class RecordScores : IReadOnlyList<DerivedScore>
{
    private readonly List<InstrumentScores> _instruments;
    private int _count;

    /// <summary>Creates an empty set with room for <paramref name="instruments"/> instruments.</summary>
    public RecordScores(int instruments = 4) => _instruments = new(instruments);

    /// <summary>No scores (a withdrawal's).</summary>
    public static RecordScores Empty { get; } = new(0);

    /// <summary>Each instrument's scores, in the order scored.</summary>
    public IReadOnlyList<InstrumentScores> Instruments => _instruments;

    /// <inheritdoc />
    public int Count => _count;

    /// <inheritdoc />
    public DerivedScore this[int index]
    {
        get
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, "No such score.");
            }

            foreach (var instrument in _instruments)
            {
                if (index < instrument.Count)
                {
                    return instrument.Score(index);
                }

                index -= instrument.Count;
            }

            throw new InvalidOperationException("The score count does not match the instruments.");
        }
    }

    /// <summary>Adds an instrument's scores (while the scorer builds the set).</summary>
    internal void Add(InstrumentScores instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (ReferenceEquals(this, Empty))
        {
            throw new InvalidOperationException("The empty set is shared and never changed.");
        }

        _instruments.Add(instrument);
        _count = checked(_count + instrument.Count);
    }

    /// <inheritdoc />
    public IEnumerator<DerivedScore> GetEnumerator()
    {
        foreach (var instrument in _instruments)
        {
            for (var i = 0; i < instrument.Count; i++)
            {
                yield return instrument.Score(i);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
