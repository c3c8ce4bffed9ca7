namespace SpineMetsRegistry.Api.Http;

/// <summary>Who may call a route; the pipeline's authorization step applies it, never a handler.</summary>
public enum ApiAccess
{
    /// <summary>Anyone, signed in or not (liveness).</summary>
    Anyone,

    /// <summary>Any signed-in caller.</summary>
    SignedIn,

    /// <summary>The data managers of the route's <c>{site}</c>, and operators. An unknown site is 404.</summary>
    SiteData,

    /// <summary>The data managers of the route's <c>{site}</c> only: an operator reads every site but uploads for none. An unknown site is 404.</summary>
    SiteUpload,

    /// <summary>The aggregates of the route's <c>{scope}</c> ("pooled" or "site:S01"): the committee and operators, a site for its own scope. An unknown scope is 404.</summary>
    AggregateScope,

    /// <summary>The steering committee and operators.</summary>
    Committee,

    /// <summary>Operators only.</summary>
    Operator,
}
