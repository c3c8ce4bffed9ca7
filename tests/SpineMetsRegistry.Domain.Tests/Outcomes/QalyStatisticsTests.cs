using SpineMetsRegistry.Domain.Outcomes;

namespace SpineMetsRegistry.Domain.Tests.Outcomes;

public sealed class QalyStatisticsTests
{
    [Fact]
    public void Merge_SitesOfOneGroup_MeanOfComputableQalysAndExclusionsByReason()
    {
        var site1 = QalyStatistics.Empty(MissingVisitPolicy.CompleteCase)
            .Add(new QalyResult(0.5m, null))
            .Add(new QalyResult(null, QalyResult.MissingVisit));
        var site2 = QalyStatistics.Empty(MissingVisitPolicy.CompleteCase)
            .Add(new QalyResult(0.7m, null))
            .Add(new QalyResult(0.9m, null));

        var pooled = site1.Merge(site2);

        Assert.Equal(0.7, pooled.Mean()!.Mean, 12);
        Assert.Equal(3, pooled.Mean()!.N);
        Assert.Equal(1, pooled.Excluded[QalyResult.MissingVisit]);
    }

    [Fact]
    public void Merge_DifferentPolicies_Refused()
    {
        Assert.Throws<ArgumentException>(() =>
            QalyStatistics.Empty(MissingVisitPolicy.CompleteCase).Merge(QalyStatistics.Empty(MissingVisitPolicy.LastObservationCarriedForward)));
    }
}
