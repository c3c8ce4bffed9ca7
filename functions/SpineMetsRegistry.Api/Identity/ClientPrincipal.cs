using System.Text;
using System.Text.Json;

namespace SpineMetsRegistry.Api.Identity;

/// <summary>
/// Reads the caller App Service Authentication passes in the X-MS-CLIENT-PRINCIPAL header:
/// base64 JSON with <c>claims</c> of <c>typ</c>/<c>val</c>, the role claim type named by
/// <c>role_typ</c> (Entra app roles arrive as "roles").
/// </summary>
public static class ClientPrincipal
{
    /// <summary>The header App Service Authentication sets.</summary>
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Parses the header; null when it is absent or malformed (the caller is then unauthenticated).</summary>
    public static RegistryCaller? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = document.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var roleTyp) && roleTyp.ValueKind == JsonValueKind.String ? roleTyp.GetString()! : "roles";
            var nameType = root.TryGetProperty("name_typ", out var nameTyp) && nameTyp.ValueKind == JsonValueKind.String ? nameTyp.GetString()! : "name";
            var roles = new HashSet<string>(StringComparer.Ordinal);
            var name = "unknown";
            if (root.TryGetProperty("claims", out var claims) && claims.ValueKind == JsonValueKind.Array)
            {
                foreach (var claim in claims.EnumerateArray())
                {
                    var type = claim.TryGetProperty("typ", out var t) ? t.GetString() : null;
                    var value = claim.TryGetProperty("val", out var v) ? v.GetString() : null;
                    if (value is null)
                    {
                        continue;
                    }

                    if (type == roleType || type == "roles" || type == "http://schemas.microsoft.com/ws/2008/06/identity/claims/role")
                    {
                        roles.Add(value);
                    }
                    else if (type == nameType || type == "name" || type == "preferred_username")
                    {
                        name = value;
                    }
                }
            }

            return new RegistryCaller(name, roles);
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Builds a header value (for tests and local tools).</summary>
    public static string Create(string name, IEnumerable<string> roles)
    {
        var claims = roles.Select(r => new { typ = "roles", val = r }).Prepend(new { typ = "name", val = name });
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
