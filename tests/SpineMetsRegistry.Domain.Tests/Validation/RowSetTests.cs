using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Validation;

/// <summary>The bitmap of rejected rows that pass 2 skips.</summary>
public sealed class RowSetTests
{
    [Fact]
    public void Add_RowsAcrossWordsAndBeyondInitialCapacity_ContainedAndCounted()
    {
        var set = new RowSet();
        int[] rows = [1, 63, 64, 65, 1_023, 1_024, 1_000_001];

        Assert.All(rows, row => Assert.True(set.Add(row)));

        Assert.Equal(rows.Length, set.Count);
        Assert.All(rows, row => Assert.True(set.Contains(row)));
        Assert.All(new[] { 2, 62, 66, 1_025, 1_000_000, 5_000_000 }, row => Assert.False(set.Contains(row)));
    }

    [Fact]
    public void Add_SameRowTwice_FalseAndCountedOnce()
    {
        var set = new RowSet();

        Assert.True(set.Add(7));
        Assert.False(set.Add(7));
        Assert.Equal(1, set.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Add_NonPositiveRow_Throws(int row)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RowSet().Add(row));
    }

    [Fact]
    public void Contains_NonPositiveRow_False()
    {
        var set = new RowSet();
        set.Add(1);

        Assert.False(set.Contains(0));
        Assert.False(set.Contains(-1));
    }

    [Fact]
    public void CountCommon_OverlappingSetsOfDifferentSizes_Intersection()
    {
        var a = new RowSet();
        var b = new RowSet();
        foreach (var row in new[] { 2, 3, 70, 5_000 })
        {
            a.Add(row);
        }

        foreach (var row in new[] { 3, 70, 71 })
        {
            b.Add(row);
        }

        Assert.Equal(2, a.CountCommon(b));
        Assert.Equal(2, b.CountCommon(a));
    }
}
