namespace SpineMetsRegistry.LocalHost.Routes;

/// <summary>Serves the dashboard: one self-contained page (no build step) that reads the API with the caller's key.</summary>
internal static class DashboardRoutes
{
    private static readonly Lazy<byte[]> Page = new(() =>
    {
        using var stream = typeof(DashboardRoutes).Assembly.GetManifestResourceStream("dashboard.index.html")
            ?? throw new InvalidOperationException("The dashboard page is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void Map(WebApplication app)
    {
        app.MapGet("/", (HttpContext http) =>
        {
            // The page runs only its own inline script and talks only to this host.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            return Results.Bytes(Page.Value, "text/html; charset=utf-8");
        });
    }
}
