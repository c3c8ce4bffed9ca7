using SpineMetsRegistry.Domain.Committee;

namespace SpineMetsRegistry.Domain.Tests.Committee;

public sealed class DisclosureGridTests
{
    [Fact]
    public void SuppressionOf_SmallCellInLine_PrimaryAndSmallestPartnerComplementary()
    {
        var grid = new DisclosureGrid(11);
        grid.Cell("total", 205);
        grid.Cell("a", 5);
        grid.Cell("b", 100);
        grid.Cell("c", 40);
        grid.Cell("d", 60);
        grid.Line("total", ["a", "b", "c", "d"]);

        Assert.Equal(Suppression.Primary, grid.SuppressionOf("a"));
        Assert.Equal(Suppression.Complementary, grid.SuppressionOf("c"));
        Assert.Equal(Suppression.None, grid.SuppressionOf("b"));
        Assert.Equal(Suppression.None, grid.SuppressionOf("total"));
    }

    [Fact]
    public void SuppressionOf_TwoSmallCellsWhoseSumIsSmall_ThirdCellHidden()
    {
        var grid = new DisclosureGrid(11);
        grid.Cell("total", 107);
        grid.Cell("a", 3);
        grid.Cell("b", 4);
        grid.Cell("c", 100);
        grid.Line("total", ["a", "b", "c"]);

        // a + b = 7 = total - c would be a small count derived from published figures.
        Assert.Equal(Suppression.Complementary, grid.SuppressionOf("c"));
    }

    [Fact]
    public void SuppressionOf_HiddenCellPropagatesAcrossTables_OtherTableHidesToo()
    {
        // The case: 26w visits = alive + deceased; NRS n is part of "alive" (nobody alive lacks NRS).
        var grid = new DisclosureGrid(11);
        grid.Cell("visits", 154);
        grid.Cell("alive", 149);
        grid.Cell("deceased", 5);
        grid.Cell("nrs.n", 149);
        grid.Cell("nrs.without", 0, isShown: false);
        grid.Line("visits", ["alive", "deceased"]);
        grid.Line("alive", ["nrs.n", "nrs.without"]);

        Assert.Equal(Suppression.Complementary, grid.SuppressionOf("alive"));
        Assert.Equal(Suppression.Complementary, grid.SuppressionOf("nrs.n"));
    }

    [Fact]
    public void SuppressionOf_DerivedCellSmall_ItsPublishedNeighboursHidden()
    {
        var grid = new DisclosureGrid(11);
        grid.Cell("alive", 160);
        grid.Cell("nrs.n", 155);
        grid.Cell("nrs.without", 5, isShown: false);
        grid.Line("alive", ["nrs.n", "nrs.without"]);

        Assert.Equal(Suppression.Primary, grid.SuppressionOf("nrs.without"));
        Assert.NotEqual(Suppression.None, grid.SuppressionOf("nrs.n"));
    }

    [Fact]
    public void Line_PartsNotAddingUp_Throws()
    {
        var grid = new DisclosureGrid(11);
        grid.Cell("total", 10);
        grid.Cell("a", 3);

        Assert.Throws<InvalidOperationException>(() => grid.Line("total", ["a"]));
    }
}
