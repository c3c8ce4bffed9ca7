using SpineMetsRegistry.Storage.Tables;

namespace SpineMetsRegistry.Storage.Tests.Tables;

public sealed class TableKeyTests
{
    [Theory]
    [InlineData("S01", "S01")]
    [InlineData("S01-0001", "S01-0001")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a\\b", "a%5Cb")]
    [InlineData("a#b?c", "a%23b%3Fc")]
    [InlineData("a|b", "a%7Cb")]
    [InlineData("100%", "100%25")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("del\u007f", "del%7F")]
    [InlineData("site:S01", "site:S01")]
    public void Of_OnePart_EscapesForbiddenCharactersAndTheSeparator(string part, string expected) =>
        Assert.Equal(expected, TableKey.Of(part));

    [Fact]
    public void Of_SeveralParts_JoinedBySeparator() =>
        Assert.Equal("S01|S01-0001|12w|Due", TableKey.Of("S01", "S01-0001", "12w", "Due"));

    [Fact]
    public void Of_PartsContainingTheSeparator_DifferentPartsGiveDifferentKeys() =>
        Assert.NotEqual(TableKey.Of("a|b", "c"), TableKey.Of("a", "b|c"));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Of_EmptyPart_Throws(string? part) =>
        Assert.Throws<ArgumentException>(() => TableKey.Of("S01", part!));

    [Fact]
    public void Of_KeyLongerThanOneKibibyte_Throws()
    {
        Assert.Equal(1024, TableKey.Of(new string('a', 1024)).Length);
        var error = Assert.Throws<ArgumentException>(() => TableKey.Of(new string('a', 1025)));
        Assert.Contains("at most 1024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrefixRange_Keys_ContainsExactlyTheKeysWithThatPrefix()
    {
        var (from, to) = TableKey.PrefixRange("S01-0001");
        string[] inside = [TableKey.Of("S01-0001", "6w"), TableKey.Of("S01-0001", "unscheduled-~"), TableKey.Of("S01-0001", "zzz")];
        string[] outside = [TableKey.Of("S01-0001"), TableKey.Of("S01-00010", "6w"), TableKey.Of("S01-0001a", "6w"), TableKey.Of("S01-0002", "6w"), TableKey.Of("S01-000", "6w")];

        Assert.All(inside, k => Assert.True(string.CompareOrdinal(k, from) >= 0 && string.CompareOrdinal(k, to) < 0, k));
        Assert.All(outside, k => Assert.False(string.CompareOrdinal(k, from) >= 0 && string.CompareOrdinal(k, to) < 0, k));
    }

    [Theory]
    [InlineData("S01-0001|6w", true)]
    [InlineData("S01-\u00e9|6w", true)] // outside ASCII, but one UTF-16 unit: UTF-8 and ordinal agree
    [InlineData("S01-\U0001F600|6w", false)] // a surrogate pair: UTF-8 sorts it after U+FFFF, ordinal before
    public void SortsAsOrdinal_Key_FalseOnlyWithASurrogatePair(string key, bool expected)
    {
        Assert.Equal(expected, TableKey.SortsAsOrdinal(key));
        // The reason, shown on the pair: U+FFFD against U+1F600.
        Assert.True(string.CompareOrdinal("\U0001F600", "\uFFFD") < 0);
        Assert.True(System.Text.Encoding.UTF8.GetBytes("\U0001F600").AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes("\uFFFD")) > 0);
    }
}
