namespace SpineMetsRegistry.LocalHost.Routes;

/// <summary>
/// Serves the dashboard: the page, its committee charts script and stylesheet, and the pinned
/// charting library (Observable Plot with d3, embedded at build time from Dashboard/node_modules).
/// Everything comes from this host; the Content-Security-Policy allows no other origin and no eval.
/// </summary>
internal static class DashboardRoutes
{
    private const string Policy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly (string Path, string Resource, string ContentType)[] Assets =
    [
        ("/", "dashboard.index.html", "text/html; charset=utf-8"),
        ("/dashboard/committee.js", "dashboard.committee.js", "text/javascript; charset=utf-8"),
        ("/dashboard/committee.css", "dashboard.committee.css", "text/css; charset=utf-8"),
        ("/dashboard/vendor/d3.min.js", "dashboard.vendor.d3.min.js", "text/javascript; charset=utf-8"),
        ("/dashboard/vendor/plot.umd.min.js", "dashboard.vendor.plot.umd.min.js", "text/javascript; charset=utf-8"),
    ];

    public static void Map(WebApplication app)
    {
        foreach (var (path, resource, contentType) in Assets)
        {
            var content = new Lazy<byte[]>(() => Read(resource));
            app.MapGet(path, (HttpContext http) =>
            {
                http.Response.Headers.ContentSecurityPolicy = Policy;
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers["Referrer-Policy"] = "no-referrer";
                return Results.Bytes(content.Value, contentType);
            });
        }
    }

    private static byte[] Read(string resource)
    {
        using var stream = typeof(DashboardRoutes).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The dashboard asset {resource} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
