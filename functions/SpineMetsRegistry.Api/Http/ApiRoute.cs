using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SpineMetsRegistry.Api.Http;

/// <summary>
/// One row of the route table: the function name, the HTTP method, the route template under
/// <c>/api/</c>, who may call it, what it audits, and the handler. Both hosts serve exactly
/// these rows.
/// </summary>
public sealed partial record ApiRoute
{
    /// <summary>The route's name: the Functions app's function name.</summary>
    public required string Name { get; init; }

    /// <summary>The HTTP method, upper case.</summary>
    public required string Method { get; init; }

    /// <summary>The template under the <c>api</c> prefix, e.g. <c>sites/{site}/batches</c>.</summary>
    public required string Template { get; init; }

    /// <summary>Who may call it.</summary>
    public required ApiAccess Access { get; init; }

    /// <summary>What a refused caller was trying to do, for the 403 message ("{site}" is replaced by the site).</summary>
    public string Activity { get; init; } = "this";

    /// <summary>The audit action written for every successful call (e.g. "report.read"), or null when not audited.</summary>
    public string? AuditAction { get; init; }

    /// <summary>The handler.</summary>
    public required Func<IServiceProvider, ApiCall, Task<IResult>> Handler { get; init; }

    /// <summary>The route parameters, in template order.</summary>
    public IReadOnlyList<string> Parameters => [.. Parameter().Matches(Template).Select(m => m.Groups[1].Value)];

    /// <summary>A route handled by a method of the endpoint class <typeparamref name="TEndpoints"/> (a registered service).</summary>
    public static ApiRoute For<TEndpoints>(string name, string method, string template, ApiAccess access, Func<TEndpoints, ApiCall, Task<IResult>> handler)
        where TEndpoints : notnull =>
        new()
        {
            Name = name,
            Method = method,
            Template = template,
            Access = access,
            Handler = (services, call) => handler(services.GetRequiredService<TEndpoints>(), call),
        };

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Parameter();
}
