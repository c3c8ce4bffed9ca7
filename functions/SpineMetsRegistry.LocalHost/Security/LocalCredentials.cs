using System.Security.Cryptography;
using System.Text.Json;
using SpineMetsRegistry.Api.Identity;

namespace SpineMetsRegistry.LocalHost.Security;

/// <summary>
/// Sign-in for the local host: one random API key per role (committee, operator, each
/// site), kept in .local/credentials.json (git-ignored, created on first start). A request
/// carries its key as <c>Authorization: Bearer &lt;key&gt;</c>; the key maps to exactly the
/// registry roles Entra app roles carry in Azure, so authorization is the same code.
/// </summary>
public sealed class LocalCredentials : ICallerResolver
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly Dictionary<string, RegistryCaller> _byKey;

    private LocalCredentials(string committee, string @operator, IReadOnlyDictionary<string, string> sites)
    {
        Committee = committee;
        Operator = @operator;
        Sites = sites;
        _byKey = new Dictionary<string, RegistryCaller>(StringComparer.Ordinal)
        {
            [committee] = new("local-committee", new HashSet<string> { RegistryRoles.Committee }),
            [@operator] = new("local-operator", new HashSet<string> { RegistryRoles.Operator }),
        };
        foreach (var (site, key) in sites)
        {
            _byKey[key] = new RegistryCaller("local-" + site.ToLowerInvariant(), new HashSet<string> { RegistryRoles.Site(site) });
        }
    }

    /// <summary>The committee's key.</summary>
    public string Committee { get; }

    /// <summary>The operator's key.</summary>
    public string Operator { get; }

    /// <summary>Each site's key.</summary>
    public IReadOnlyDictionary<string, string> Sites { get; }

    /// <summary>The caller of a request: the one its bearer key stands for, or null.</summary>
    public RegistryCaller? Resolve(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Resolve(request.Headers.Authorization.ToString());
    }

    /// <summary>The caller a bearer key stands for, or null.</summary>
    public RegistryCaller? Resolve(string? authorizationHeader) =>
        BearerKey(authorizationHeader) is { } key && _byKey.TryGetValue(key, out var caller) ? caller : null;

    /// <summary>
    /// What the request presented: no Authorization header, one that is not a bearer key, a key
    /// that is not one of ours (forged or from another registry), or one of ours.
    /// </summary>
    public PresentedCredential Inspect(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return string.IsNullOrWhiteSpace(header) ? PresentedCredential.None
            : BearerKey(header) is not { } key ? PresentedCredential.Malformed
            : _byKey.ContainsKey(key) ? PresentedCredential.Accepted
            : PresentedCredential.NotRecognised;
    }

    // The key of "Bearer <key>", or null when the header is not a bearer credential with a key.
    private static string? BearerKey(string? authorizationHeader)
    {
        const string Bearer = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = authorizationHeader[Bearer.Length..].Trim();
        return key.Length == 0 ? null : key;
    }

    /// <summary>Loads the keys, creating any that are missing (new sites get a key too).</summary>
    public static LocalCredentials LoadOrCreate(string path, IEnumerable<string> siteCodes)
    {
        ArgumentNullException.ThrowIfNull(siteCodes);
        Stored? stored = null;
        if (File.Exists(path))
        {
            stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(path), Json);
        }

        var sites = new Dictionary<string, string>(stored?.Sites ?? [], StringComparer.OrdinalIgnoreCase);
        var changed = stored is null;
        foreach (var site in siteCodes)
        {
            if (!sites.ContainsKey(site))
            {
                sites[site] = NewKey();
                changed = true;
            }
        }

        var result = new LocalCredentials(stored?.Committee ?? NewKey(), stored?.Operator ?? NewKey(), sites);
        if (changed)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, JsonSerializer.Serialize(new Stored(result.Committee, result.Operator, sites), Json));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return result;
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    private sealed record Stored(string Committee, string Operator, Dictionary<string, string> Sites);
}
