using System.Text;
using System.Text.Json;
using SpineMetsRegistry.Api.Identity;

namespace SpineMetsRegistry.Api.Tests.Identity;

public sealed class ClientPrincipalTests
{
    private const string MicrosoftRoleType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    [Fact]
    public void Parse_HeaderFromCreate_RoundTripsNameAndRoles()
    {
        var header = ClientPrincipal.Create("Dr Data Manager", [RegistryRoles.Site("S01"), RegistryRoles.Committee]);

        var caller = ClientPrincipal.Parse(header);

        Assert.NotNull(caller);
        Assert.Equal("Dr Data Manager", caller.Name);
        Assert.Equal(new HashSet<string> { "Registry.Site.S01", "Registry.Committee" }, caller.Roles);
    }

    [Fact]
    public void Parse_EntraPrincipalWithCustomClaimTypes_ReadsRolesAndNameByTheirDeclaredTypes()
    {
        var header = Encode(new
        {
            auth_typ = "aad",
            name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
            role_typ = MicrosoftRoleType,
            claims = new[]
            {
                new { typ = "aud", val = "api://spinemets" },
                new { typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", val = "ops@example.org" },
                new { typ = MicrosoftRoleType, val = RegistryRoles.Operator },
                new { typ = MicrosoftRoleType, val = RegistryRoles.Site("S02") },
                new { typ = "iss", val = "https://login.microsoftonline.com/tenant/v2.0" },
            },
        });

        var caller = ClientPrincipal.Parse(header);

        Assert.NotNull(caller);
        Assert.Equal("ops@example.org", caller.Name);
        Assert.Equal(new HashSet<string> { RegistryRoles.Operator, "Registry.Site.S02" }, caller.Roles);
    }

    [Theory]
    [InlineData("roles")]
    [InlineData(MicrosoftRoleType)]
    public void Parse_WellKnownRoleClaimType_CountsAsARoleWhateverRoleTypSays(string type)
    {
        var header = Encode(new { role_typ = "something-else", claims = new[] { new { typ = type, val = RegistryRoles.Committee } } });

        Assert.Contains(RegistryRoles.Committee, ClientPrincipal.Parse(header)!.Roles);
    }

    [Fact]
    public void Parse_NoNameClaimButPreferredUsername_UsesIt()
    {
        var header = Encode(new { claims = new[] { new { typ = "preferred_username", val = "chair@example.org" } } });

        Assert.Equal("chair@example.org", ClientPrincipal.Parse(header)!.Name);
    }

    [Fact]
    public void Parse_NoClaims_IsAnAuthenticatedCallerWithNoRoles()
    {
        var caller = ClientPrincipal.Parse(Encode(new { auth_typ = "aad" }));

        Assert.NotNull(caller);
        Assert.Equal("unknown", caller.Name);
        Assert.Empty(caller.Roles);
    }

    [Fact]
    public void Parse_ClaimWithoutValueAndDuplicateRoles_SkipsAndCollapses()
    {
        var header = Encode(new
        {
            claims = new object[]
            {
                new { typ = "roles" },
                new { typ = "roles", val = RegistryRoles.Committee },
                new { typ = "roles", val = RegistryRoles.Committee },
            },
        });

        Assert.Equal([RegistryRoles.Committee], ClientPrincipal.Parse(header)!.Roles);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_AbsentHeader_IsUnauthenticated(string? header)
    {
        Assert.Null(ClientPrincipal.Parse(header));
    }

    public static TheoryData<string> Malformed => new()
    {
        "not base64 at all!",
        Convert.ToBase64String(Encoding.UTF8.GetBytes("not json")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("[1, 2, 3]")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"claims\": [\"roles\"]}")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"claims\": [{\"typ\": \"roles\", \"val\": 42}]}")),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"claims\": [{\"typ\": \"roles\", \"val\": \"Registry.Committee\"}")),
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Parse_MalformedHeader_IsUnauthenticated(string header)
    {
        Assert.Null(ClientPrincipal.Parse(header));
    }

    private static string Encode(object principal) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(principal));
}
