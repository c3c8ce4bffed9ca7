using SpineMetsRegistry.Domain.Aggregation;

namespace SpineMetsRegistry.Domain.Tests.Aggregation;

public sealed class AggregateKeyOrderTests
{
    [Fact]
    public void Compare_TimePoints_BaselineFirstThenByWeeks()
    {
        string[][] keys = [["52w"], ["unscheduled"], ["12w"], ["baseline"], ["6w"], ["26w"]];

        var ordered = keys.OrderBy(k => k, AggregateKeyOrder.Instance).Select(k => k[0]);

        Assert.Equal(["baseline", "6w", "12w", "26w", "52w", "unscheduled"], ordered);
    }

    [Fact]
    public void Compare_SecondDimensionDecidesWhenFirstEqual()
    {
        Assert.True(AggregateKeyOrder.Instance.Compare(["6w", "3L"], ["6w", "5L"]) < 0);
        Assert.True(AggregateKeyOrder.Instance.Compare(["2026-02", "lung"], ["2026-10", "breast"]) < 0);
    }
}
