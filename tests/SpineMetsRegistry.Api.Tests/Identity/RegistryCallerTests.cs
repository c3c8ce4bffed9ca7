using SpineMetsRegistry.Api.Identity;
using SpineMetsRegistry.Api.Tests.Support;

namespace SpineMetsRegistry.Api.Tests.Identity;

public sealed class RegistryCallerTests
{
    [Fact]
    public void MaySeeSite_SiteRole_OwnSiteOnly()
    {
        var caller = Callers.Site("S01");

        Assert.True(caller.MaySeeSite("S01"));
        Assert.True(caller.MaySeeSite("s01"));
        Assert.False(caller.MaySeeSite("S02"));
    }

    [Fact]
    public void MaySeeSite_Operator_EverySite()
    {
        Assert.All(new[] { "S01", "S02", "S05" }, site => Assert.True(Callers.Operator.MaySeeSite(site)));
    }

    [Fact]
    public void MaySeeSite_CommitteeOrNoRole_NoSite()
    {
        // The committee reads pooled aggregates, never a site's batches.
        Assert.False(Callers.Committee.MaySeeSite("S01"));
        Assert.False(Callers.With("nobody").MaySeeSite("S01"));
    }

    public static TheoryData<string, string[], bool> AggregateReads => new()
    {
        { "pooled", [RegistryRoles.Committee], true },
        { "site:S01", [RegistryRoles.Committee], true },
        { "pooled", [RegistryRoles.Operator], true },
        { "site:S03", [RegistryRoles.Operator], true },
        { "site:S01", ["Registry.Site.S01"], true },
        { "site:S02", ["Registry.Site.S01"], false },
        { "pooled", ["Registry.Site.S01"], false },
        { "site:S01", [], false },
        { "pooled", [], false },
    };

    [Theory]
    [MemberData(nameof(AggregateReads))]
    public void MayReadAggregates_ByRole_AsTabled(string scope, string[] roles, bool allowed)
    {
        Assert.Equal(allowed, Callers.With("someone", roles).MayReadAggregates(scope));
    }

    [Fact]
    public void Sites_SeveralSiteRoles_ListsTheirCodes()
    {
        var caller = Callers.With("dm", RegistryRoles.Site("S01"), RegistryRoles.Site("S04"), RegistryRoles.Committee);

        Assert.Equal(["S01", "S04"], caller.Sites.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(new[] { RegistryRoles.Committee, RegistryRoles.Operator }, "committee:ann")]
    [InlineData(new[] { RegistryRoles.Operator }, "operator:ann")]
    [InlineData(new[] { "Registry.Site.S01", "Registry.Site.S02" }, "site:S01+S02:ann")]
    public void AuditName_ByStrongestRole_NamesTheCapacity(string[] roles, string expected)
    {
        var caller = new RegistryCaller("ann", new SortedSet<string>(roles, StringComparer.Ordinal));

        Assert.Equal(expected, caller.AuditName);
    }

    [Fact]
    public void RoleFlags_ReflectTheRoles()
    {
        Assert.True(Callers.Committee.IsCommittee);
        Assert.False(Callers.Committee.IsOperator);
        Assert.True(Callers.Operator.IsOperator);
        Assert.False(Callers.Site("S01").IsCommittee);
    }

    [Fact]
    public void Site_LowerCaseCode_IsTheUpperCaseRole()
    {
        Assert.Equal("Registry.Site.S07", RegistryRoles.Site("s07"));
    }
}
