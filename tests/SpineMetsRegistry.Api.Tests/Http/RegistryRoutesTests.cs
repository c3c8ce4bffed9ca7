using SpineMetsRegistry.Api.Http;

namespace SpineMetsRegistry.Api.Tests.Http;

/// <summary>The route table both hosts serve: well formed, and what it authorizes and audits.</summary>
public sealed class RegistryRoutesTests
{
    [Fact]
    public void All_NamesAndMethodTemplatePairs_Unique()
    {
        Assert.Equal(RegistryRoutes.All.Count, RegistryRoutes.All.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(RegistryRoutes.All.Count, RegistryRoutes.All.Select(r => (r.Method, r.Template)).Distinct().Count());
    }

    [Fact]
    public void All_SiteAndScopeRoutes_CarryTheParameterTheirAccessNeeds()
    {
        Assert.All(RegistryRoutes.All.Where(r => r.Access == ApiAccess.SiteData), r => Assert.Contains("site", r.Parameters));
        Assert.All(RegistryRoutes.All.Where(r => r.Access == ApiAccess.AggregateScope), r => Assert.Contains("scope", r.Parameters));
        Assert.All(RegistryRoutes.All, r => Assert.True(r.Method is "GET" or "POST", r.Name));
    }

    [Fact]
    public void Parameters_Template_InTemplateOrder()
    {
        Assert.Equal(["site", "batchKey", "name"], RegistryRoutes.GetReport.Parameters);
        Assert.Empty(RegistryRoutes.Health.Parameters);
    }

    // What is audited: every disclosure of stored data beyond the caller's own batch list, and
    // every operator action (as before the table existed).
    [Theory]
    [InlineData(RegistryRoutes.Names.Health, null)]
    [InlineData(RegistryRoutes.Names.Me, null)]
    [InlineData(RegistryRoutes.Names.ListBatches, null)]
    [InlineData(RegistryRoutes.Names.GetBatch, null)]
    [InlineData(RegistryRoutes.Names.GetReport, "report.read")]
    [InlineData(RegistryRoutes.Names.GetAggregates, "aggregates.read")]
    [InlineData(RegistryRoutes.Names.ListReminders, "reminders.read")]
    [InlineData(RegistryRoutes.Names.CommitteeDigest, "committee.digest.read")]
    [InlineData(RegistryRoutes.Names.RunSweep, "sweep.run")]
    public void All_Route_AuditsItsAction(string name, string? action)
    {
        Assert.Equal(action, RegistryRoutes.All.Single(r => r.Name == name).AuditAction);
    }
}
