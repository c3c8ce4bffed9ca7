namespace SpineMetsRegistry.Pipeline.Aggregates;

/// <summary>The scopes aggregates are kept under.</summary>
public static class AggregateScopes
{
    /// <summary>All sites together (what the committee sees).</summary>
    public const string Pooled = "pooled";

    /// <summary>One site's scope.</summary>
    public static string Site(string site) => "site:" + site;
}
