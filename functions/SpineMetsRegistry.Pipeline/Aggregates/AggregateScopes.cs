namespace SpineMetsRegistry.Pipeline.Aggregates;

/// <summary>The scopes aggregates are kept under.</summary>
public static class AggregateScopes
{
    /// <summary>All sites together (what the committee sees).</summary>
    public const string Pooled = "pooled";

    /// <summary>Documents for the steering committee that are not aggregate tables (the weekly compliance digest).</summary>
    public const string Committee = "committee";

    /// <summary>One site's scope.</summary>
    public static string Site(string site) => "site:" + site;
}
