using System.Runtime.CompilerServices;
using System.Text;

namespace SpineMetsRegistry.Pipeline.Records;

/// <summary>
/// The rendered text of rules maps seen again ("rules: a: x; b: y. "), by map identity, for
/// one thread. Most instruments record one rules map built once per setting and shared by
/// every row (SOSGOQ's and EQ-5D's are a few hundred characters each), so its text is
/// rendered once rather than on every stored row. A map's text is made only when the map is
/// seen a second time, so a map made for one row (an instrument that adds a row's rule) costs
/// no extra string.
/// </summary>
/// <remarks>
/// Only maps that cannot be changed through their type are kept: a rules map that also is an
/// <see cref="IDictionary{TKey, TValue}"/> (a plain dictionary someone could change between
/// two renderings) is always rendered afresh.
/// </remarks>
internal sealed class RulesTextCache
{
    // Sets of two ways, chosen by the map's identity hash. A map seen once waits in its set's
    // candidate slot; seen again there, it gets its text in one of the set's two ways. Maps
    // made for one row only ever pass through the candidate slot, so they never push out a
    // shared map's text (which would then be made again, on every return).
    private const int Sets = 32;

    private readonly IReadOnlyDictionary<string, string>?[] _candidates = new IReadOnlyDictionary<string, string>?[Sets];
    private readonly IReadOnlyDictionary<string, string>?[] _maps = new IReadOnlyDictionary<string, string>?[Sets * 2];
    private readonly string?[] _texts = new string?[Sets * 2];

    /// <summary>Appends the rules' text (nothing for no rules) to <paramref name="text"/>.</summary>
    public void Append(IReadOnlyDictionary<string, string> rules, StringBuilder text)
    {
        if (rules.Count == 0)
        {
            return;
        }

        if (rules is IDictionary<string, string>)
        {
            AppendRules(rules, text);
            return;
        }

        var set = (RuntimeHelpers.GetHashCode(rules) & int.MaxValue) % Sets;
        var way = set * 2;
        if (ReferenceEquals(_maps[way], rules) || ReferenceEquals(_maps[++way], rules))
        {
            text.Append(_texts[way]);
            return;
        }

        if (!ReferenceEquals(_candidates[set], rules))
        {
            _candidates[set] = rules;
            AppendRules(rules, text);
            return;
        }

        // Seen twice: kept in an empty way, or in place of the set's first.
        _candidates[set] = null;
        way = _maps[(set * 2) + 1] is null ? (set * 2) + 1 : set * 2;
        _maps[way] = rules;
        text.Append(_texts[way] = AppendRules(rules, new StringBuilder(256)).ToString());
    }

    /// <summary>"rules: a: x; b: y. ": each rule in order, as the per-score rendering gave it.</summary>
    private static StringBuilder AppendRules(IReadOnlyDictionary<string, string> rules, StringBuilder text)
    {
        text.Append("rules: ");
        var first = true;
        foreach (var (name, value) in rules)
        {
            text.Append(first ? string.Empty : "; ").Append(name).Append(": ").Append(value);
            first = false;
        }

        return text.Append(". ");
    }
}
