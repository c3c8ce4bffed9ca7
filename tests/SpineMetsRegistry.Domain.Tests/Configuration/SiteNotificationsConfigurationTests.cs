using System.Text;
using SpineMetsRegistry.Domain.Configuration;

namespace SpineMetsRegistry.Domain.Tests.Configuration;

/// <summary>A site's notification contacts in infra/registry.json: addresses only, checked at load.</summary>
public sealed class SiteNotificationsConfigurationTests
{
    private static RegistryConfigurationResult Load(string notifications) => RegistryConfigurationLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(
        $$"""{ "sites": [ { "code": "S01", "studyIdPattern": "^S01-[0-9]{4}$", "notifications": {{notifications}} } ] }""")));

    [Fact]
    public void Load_ContactsAndPause_Read()
    {
        var result = Load("""{ "contacts": ["dm@s01.example.org", "nurse@s01.example.org"], "paused": true }""");

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var site = result.Value!.Sites[0];
        Assert.Equal(["dm@s01.example.org", "nurse@s01.example.org"], site.Notifications.Contacts);
        Assert.True(site.Notifications.Paused);
    }

    [Fact]
    public void Load_NoNotificationsObject_NoContactsNotPaused()
    {
        var result = RegistryConfigurationLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes("""{ "sites": [ { "code": "S01", "studyIdPattern": "^S01-[0-9]{4}$" } ] }""")));

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Value!.Sites[0].Notifications.Contacts);
        Assert.False(result.Value.Sites[0].Notifications.Paused);
    }

    [Theory]
    [InlineData("""{ "contacts": ["Ann Smith <ann@s01.example.org>"] }""", "contact #1 is not a bare e-mail address")]
    [InlineData("""{ "contacts": ["dm@s01.example.org", "not-an-address"] }""", "contact #2 is not a bare e-mail address")]
    [InlineData("""{ "contacts": [" dm@s01.example.org"] }""", "contact #1 is not a bare e-mail address")]
    [InlineData("""{ "contacts": ["dm@localhost"] }""", "contact #1 is not a bare e-mail address")]
    [InlineData("""{ "contacts": ["dm@s01.example.org", "DM@s01.example.org"] }""", "contact #2 repeats an earlier contact")]
    [InlineData("""{ "contacts": null }""", "\"notifications.contacts\": null")]
    [InlineData("null", "\"notifications\": null")]
    public void Load_BadContacts_SpecificErrorWithoutTheAddress(string notifications, string message)
    {
        var result = Load(notifications);

        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Contains("Site S01", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", error, StringComparison.Ordinal);
    }
}
