using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Disease;
using SpineMetsRegistry.Domain.Instruments.Prognosis;
using static SpineMetsRegistry.Domain.Tests.Instruments.Prognosis.PrognosisTestInputs;

namespace SpineMetsRegistry.Domain.Tests.Instruments.Prognosis;

public sealed class TomitaTests
{
    // Derived vectors: breast, none, solitary: 2; kidney, treatable, multiple: 6; lung, untreatable, multiple: 10.
    [Theory]
    [InlineData("breast", "none", 1, 0, 2, TomitaStrategy.WideOrMarginalExcision)]
    [InlineData("kidney", "removable", 2, 1, 6, TomitaStrategy.PalliativeSurgery)]
    [InlineData("lung", "unremovable", 3, 2, 10, TomitaStrategy.SupportiveCare)]
    public void Score_DerivedVector_GivesTotalAndStrategy(string primary, string visceral, int spinal, int extraspinal, int total, TomitaStrategy strategy)
    {
        var result = TomitaCalculator.Score(new TomitaInput(Primary(primary), Visceral(visceral), Bone(spinal, extraspinal)));

        Assert.Equal(total, result.Score!.Total);
        Assert.Equal(strategy, result.Score.Strategy);
    }

    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(2, 0, 2)]
    [InlineData(1, 1, 2)]
    public void Score_SolitaryMeansExactlyOneBoneMetastasis(int spinal, int extraspinal, int bonePoints)
    {
        Assert.Equal(bonePoints, TomitaCalculator.Score(new TomitaInput(Primary("breast"), Visceral("none"), Bone(spinal, extraspinal))).Score!.BonePoints);
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("removable", 2)]
    [InlineData("unremovable", 4)]
    public void Score_Visceral_TreatableIsRemovableUntreatableIsUnremovable(string visceral, int points)
    {
        Assert.Equal(points, TomitaCalculator.Score(new TomitaInput(Primary("breast"), Visceral(visceral), Bone(1, 0))).Score!.VisceralPoints);
    }

    // The growth table written out; the paper names breast/thyroid/prostate (slow), kidney/uterus (moderate), lung/stomach/liver (rapid).
    [Theory]
    [InlineData("breast", TomitaPrimaryGrowth.Slow, MappingBasis.Paper)]
    [InlineData("thyroid", TomitaPrimaryGrowth.Slow, MappingBasis.Paper)]
    [InlineData("prostate", TomitaPrimaryGrowth.Slow, MappingBasis.Paper)]
    [InlineData("carcinoid", TomitaPrimaryGrowth.Slow, MappingBasis.RegistryDecision)]
    [InlineData("kidney", TomitaPrimaryGrowth.Moderate, MappingBasis.Paper)]
    [InlineData("uterus", TomitaPrimaryGrowth.Moderate, MappingBasis.Paper)]
    [InlineData("cervix", TomitaPrimaryGrowth.Moderate, MappingBasis.RegistryDecision)]
    [InlineData("ovary", TomitaPrimaryGrowth.Moderate, MappingBasis.RegistryDecision)]
    [InlineData("colon", TomitaPrimaryGrowth.Moderate, MappingBasis.RegistryDecision)]
    [InlineData("rectum", TomitaPrimaryGrowth.Moderate, MappingBasis.RegistryDecision)]
    [InlineData("myeloma", TomitaPrimaryGrowth.Moderate, MappingBasis.RegistryDecision)]
    [InlineData("lymphoma", TomitaPrimaryGrowth.Moderate, MappingBasis.RegistryDecision)]
    [InlineData("germ_cell", TomitaPrimaryGrowth.Moderate, MappingBasis.RegistryDecision)]
    [InlineData("other", TomitaPrimaryGrowth.Moderate, MappingBasis.RegistryDecision)]
    [InlineData("lung", TomitaPrimaryGrowth.Rapid, MappingBasis.Paper)]
    [InlineData("stomach", TomitaPrimaryGrowth.Rapid, MappingBasis.Paper)]
    [InlineData("liver", TomitaPrimaryGrowth.Rapid, MappingBasis.Paper)]
    [InlineData("gallbladder", TomitaPrimaryGrowth.Rapid, MappingBasis.RegistryDecision)]
    [InlineData("oesophagus", TomitaPrimaryGrowth.Rapid, MappingBasis.RegistryDecision)]
    [InlineData("pancreas", TomitaPrimaryGrowth.Rapid, MappingBasis.RegistryDecision)]
    [InlineData("bladder", TomitaPrimaryGrowth.Rapid, MappingBasis.RegistryDecision)]
    [InlineData("melanoma", TomitaPrimaryGrowth.Rapid, MappingBasis.RegistryDecision)]
    [InlineData("sarcoma", TomitaPrimaryGrowth.Rapid, MappingBasis.RegistryDecision)]
    [InlineData("head_neck", TomitaPrimaryGrowth.Rapid, MappingBasis.RegistryDecision)]
    [InlineData("unknown", TomitaPrimaryGrowth.Rapid, MappingBasis.RegistryDecision)]
    public void PrimaryGrowth_EveryRegistryCode_MapsToItsGroup(string primary, TomitaPrimaryGrowth growth, MappingBasis basis)
    {
        var entry = Assert.Single(TomitaTables.PrimaryGrowth.Entries, e => e.Primary == Primary(primary));

        Assert.Equal(growth, entry.Category);
        Assert.Equal(basis, entry.Basis);
    }

    [Fact]
    public void PrimaryGrowth_EveryCodeMapsToExactlyOneCategory()
    {
        var table = TomitaTables.PrimaryGrowth;

        Assert.All(Enum.GetValues<PrimaryTumour>(), p => Assert.Single(table.Entries, e => e.Primary == p));
        Assert.Equal(Enum.GetValues<PrimaryTumour>().Length, table.Entries.Count);
        Assert.All(table.Entries.Where(e => e.Basis == MappingBasis.RegistryDecision), e => Assert.False(string.IsNullOrWhiteSpace(e.Note)));
    }

    [Fact]
    public void Score_EveryCombination_FallsInExactlyOneBand()
    {
        var totals = new HashSet<int>();
        var combinations = 0;
        foreach (var primary in Enum.GetValues<PrimaryTumour>())
        foreach (var visceral in Enum.GetValues<VisceralMetastases>())
        foreach (var (spinal, extraspinal) in new[] { (1, 0), (1, 1), (2, 0), (5, 5) })
        {
            var score = TomitaCalculator.Score(new TomitaInput(primary, visceral, Bone(spinal, extraspinal))).Score!;
            Assert.InRange(score.Total, 2, 10);
            var bands = TomitaTables.Bands.BandsContaining(score.Total);
            Assert.Single(bands);
            Assert.Equal(bands[0].Band, score.Strategy);
            totals.Add(score.Total);
            combinations++;
        }

        Assert.Equal(25 * 3 * 4, combinations);
        Assert.Equal(Enumerable.Range(2, 9), totals.Order());
    }

    [Fact]
    public void Score_MissingBoneCounts_IsNotComputable()
    {
        var result = TomitaCalculator.Score(new TomitaInput(Primary("breast"), Visceral("none"), null));

        Assert.Equal(ScoreFailure.MissingInputCode, result.Failure!.Code);
        Assert.Equal(["spinalMetastases", "extraspinalBoneMetastases"], result.Failure.Inputs);
    }

    [Fact]
    public void Score_RecordsTheGrowthTable()
    {
        var result = TomitaCalculator.Score(new TomitaInput(Primary("breast"), Visceral("none"), Bone(1, 0)));

        Assert.Equal("tomita-2001-primary-growth@registry-1", result.Rules["primaryGrowthTable"]);
    }

    [Fact]
    public void BoneBurden_InvalidCounts_AreRefused()
    {
        Assert.False(BoneMetastasisBurden.Create(0, 0).IsSuccess);
        Assert.False(BoneMetastasisBurden.Create(1, -1).IsSuccess);
    }
}
