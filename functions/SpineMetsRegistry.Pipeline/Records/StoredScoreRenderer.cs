using System.Text;
using SpineMetsRegistry.Domain.Scoring;

namespace SpineMetsRegistry.Pipeline.Records;

/// <summary>
/// Renders a record's derived scores into the form stored next to it: each score's
/// provenance (not-computable reason, named rules, coded inputs) as one note text.
/// </summary>
/// <remarks>
/// The store activity renders every score of every stored row, so this is on the ingest's
/// per-row path. The scores of one instrument share their inputs and rules maps (SOSGOQ's ten
/// scales and total hold the same two), so the rules-and-inputs text is rendered once per
/// pair of maps, not once per score; the note is byte for byte what the per-score rendering
/// gave ("not computable: R. rules: a: x; b: y. inputs: c=1, d=missing", trimmed). The
/// scorer's own form (<see cref="RecordScores"/>) is read per instrument, without a
/// <see cref="DerivedScore"/> per score, and a shared rules map's text is rendered once per
/// thread (<see cref="RulesTextCache"/>).
/// </remarks>
public static class StoredScoreRenderer
{
    // Room for the longest usual provenance (SOSGOQ's rules and twenty items, about 500
    // characters) without growing; a builder grown past the limit is not kept.
    private const int BuilderCapacity = 1024;
    private const int MaxKeptCapacity = 16 * 1024;

    // One builder per thread, reused record after record: a builder per record (growing chunk
    // by chunk for SOSGOQ's provenance) was most of the bytes the rendering allocated.
    [ThreadStatic]
    private static StringBuilder? t_text;

    // The text of the shared rules maps this thread has rendered (see RulesTextCache).
    [ThreadStatic]
    private static RulesTextCache? t_rules;

    /// <summary>The stored form of each score, in order.</summary>
    /// <param name="scores">A record's derived scores.</param>
    public static List<StoredScore> Render(IReadOnlyList<DerivedScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var stored = new List<StoredScore>(scores.Count);

        var text = t_text ?? new StringBuilder(BuilderCapacity);
        t_text = null;
        if (scores is RecordScores byInstrument)
        {
            // The scorer's own form: each instrument's provenance rendered once, read straight
            // from it, no DerivedScore made.
            var instruments = byInstrument.Instruments;
            for (var n = 0; n < instruments.Count; n++)
            {
                var instrument = instruments[n];
                var provenance = Provenance(instrument.Rules, instrument.InputEntries(), text);
                for (var i = 0; i < instrument.Count; i++)
                {
                    stored.Add(Stored(
                        instrument.Name(i), instrument.Value(i), instrument.Category(i), instrument.Instrument, instrument.InstrumentVersion, instrument.Definition, instrument.NotComputableReason(i), provenance));
                }
            }

            GiveBack(text);
            return stored;
        }

        IReadOnlyDictionary<string, string?>? lastInputs = null;
        IReadOnlyDictionary<string, string>? lastRules = null;
        string? lastProvenance = null;
        for (var i = 0; i < scores.Count; i++)
        {
            var score = scores[i];
            if (lastProvenance is null || !ReferenceEquals(score.Inputs, lastInputs) || !ReferenceEquals(score.Rules, lastRules))
            {
                lastInputs = score.Inputs;
                lastRules = score.Rules;
                lastProvenance = Provenance(score, text);
            }

            stored.Add(Stored(score, lastProvenance));
        }

        GiveBack(text);
        return stored;
    }

    // Given back only when done (taken above), so a nested call could never share it.
    private static void GiveBack(StringBuilder text)
    {
        if (text.Capacity <= MaxKeptCapacity)
        {
            t_text = text;
        }
    }

    /// <summary>The stored form of one score.</summary>
    /// <param name="score">A derived score.</param>
    public static StoredScore Render(DerivedScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return Stored(score, Provenance(score, new StringBuilder(256)));
    }

    private static StoredScore Stored(DerivedScore score, string provenance) =>
        Stored(score.Name, score.Value, score.Category, score.Instrument, score.InstrumentVersion, score.Definition, score.NotComputableReason, provenance);

    private static StoredScore Stored(string name, decimal? value, string? category, string instrument, string instrumentVersion, string? definition, string? notComputableReason, string provenance)
    {
        var note = notComputableReason is { } reason
            ? string.Concat("not computable: ", reason, ". ", provenance)
            : provenance;
        return new StoredScore(name, value, category, instrument, instrumentVersion, definition, note.Trim());
    }

    private static string Provenance(DerivedScore score, StringBuilder text) => Provenance(score.Rules, InputEntries.Of(score.Inputs), text);

    /// <summary>"rules: a: x; b: y. inputs: c=1, d=missing" (the rules part only when there are rules).</summary>
    private static string Provenance(IReadOnlyDictionary<string, string> rules, InputEntries inputs, StringBuilder text)
    {
        text.Clear();
        (t_rules ??= new()).Append(rules, text);

        text.Append("inputs: ");
        var firstInput = true;
        foreach (var (name, code) in inputs)
        {
            text.Append(firstInput ? string.Empty : ", ").Append(name).Append('=').Append(code ?? "missing");
            firstInput = false;
        }

        return text.ToString();
    }
}
