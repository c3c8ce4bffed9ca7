using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using SpineMetsRegistry.Pipeline.Records;

namespace SpineMetsRegistry.Pipeline.Tests.Records;

/// <summary>A rules map's text, kept by map identity, is always the text of the map as it is.</summary>
public sealed class RulesTextCacheTests
{
    [Fact]
    public void Append_SameReadOnlyMapAgainAndAgain_SameTextEveryTime()
    {
        var cache = new RulesTextCache();
        var rules = new ReadOnlyRules(("valueSet", "England"), ("rounding", "3 decimals"));

        var texts = Enumerable.Range(0, 4).Select(_ => Rendered(cache, rules)).ToList();

        Assert.All(texts, text => Assert.Equal("rules: valueSet: England; rounding: 3 decimals. ", text));
    }

    [Fact]
    public void Append_ManyMapsSharingSlots_EachItsOwnText()
    {
        var cache = new RulesTextCache();
        var maps = Enumerable.Range(0, 100).Select(i => new ReadOnlyRules(("rule", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList();

        for (var pass = 0; pass < 3; pass++)
        {
            for (var i = 0; i < maps.Count; i++)
            {
                Assert.Equal($"rules: rule: {i}. ", Rendered(cache, maps[i]));
            }
        }
    }

    [Fact]
    public void Append_ChangeableDictionaryChangedBetweenRenderings_RenderedAsItNowIs()
    {
        var cache = new RulesTextCache();
        var rules = new Dictionary<string, string> { ["policy"] = "a" };
        Assert.Equal("rules: policy: a. ", Rendered(cache, rules));
        Assert.Equal("rules: policy: a. ", Rendered(cache, rules));

        rules["policy"] = "b";

        Assert.Equal("rules: policy: b. ", Rendered(cache, rules));
    }

    [Fact]
    public void Append_NoRules_Nothing()
    {
        Assert.Equal(string.Empty, Rendered(new RulesTextCache(), new ReadOnlyRules()));
    }

    private static string Rendered(RulesTextCache cache, IReadOnlyDictionary<string, string> rules)
    {
        var text = new StringBuilder();
        cache.Append(rules, text);
        return text.ToString();
    }

    /// <summary>A rules map that is only readable (as the scorer's are).</summary>
    private sealed class ReadOnlyRules(params (string Name, string Value)[] rules) : IReadOnlyDictionary<string, string>
    {
        public int Count => rules.Length;

        public IEnumerable<string> Keys => rules.Select(r => r.Name);

        public IEnumerable<string> Values => rules.Select(r => r.Value);

        public string this[string key] => rules.Single(r => r.Name == key).Value;

        public bool ContainsKey(string key) => rules.Any(r => r.Name == key);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
        {
            value = rules.FirstOrDefault(r => r.Name == key).Value;
            return value is not null;
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
            rules.Select(r => KeyValuePair.Create(r.Name, r.Value)).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
