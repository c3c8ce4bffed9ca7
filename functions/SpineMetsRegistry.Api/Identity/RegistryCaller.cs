namespace SpineMetsRegistry.Api.Identity;

/// <summary>An authenticated caller and the registry roles it holds.</summary>
/// <param name="Name">A display name for the audit log (never a patient identifier).</param>
/// <param name="Roles">Role values.</param>
public sealed record RegistryCaller(string Name, IReadOnlySet<string> Roles)
{
    /// <summary>Whether the caller is on the steering committee.</summary>
    public bool IsCommittee => Roles.Contains(RegistryRoles.Committee);

    /// <summary>Whether the caller operates the registry.</summary>
    public bool IsOperator => Roles.Contains(RegistryRoles.Operator);

    /// <summary>Whether the caller may see a site's own data (its data managers, and operators).</summary>
    public bool MaySeeSite(string site) => IsOperator || Roles.Contains(RegistryRoles.Site(site));

    /// <summary>Whether the caller may read aggregates of this scope ("pooled" or "site:S01").</summary>
    public bool MayReadAggregates(string scope) =>
        IsCommittee || IsOperator || (scope.StartsWith("site:", StringComparison.Ordinal) && Roles.Contains(RegistryRoles.Site(scope["site:".Length..])));

    /// <summary>The site codes the caller holds a site role for.</summary>
    public IEnumerable<string> Sites => Roles.Where(r => r.StartsWith(RegistryRoles.SitePrefix, StringComparison.Ordinal)).Select(r => r[RegistryRoles.SitePrefix.Length..]);

    /// <summary>How the caller appears in the audit log.</summary>
    public string AuditName => IsCommittee ? "committee:" + Name : IsOperator ? "operator:" + Name : "site:" + string.Join('+', Sites) + ":" + Name;
}
