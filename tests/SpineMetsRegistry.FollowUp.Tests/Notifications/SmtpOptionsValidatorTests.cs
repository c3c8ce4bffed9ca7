using SpineMetsRegistry.Notifications.Smtp;

namespace SpineMetsRegistry.FollowUp.Tests.Notifications;

/// <summary>The mail server settings are checked when the host starts, each defect named with its setting.</summary>
public sealed class SmtpOptionsValidatorTests
{
    private static SmtpOptions Valid() => new() { Host = "smtp.azurecomm.net", Port = 587, Security = SmtpSecurity.StartTls, UserName = "res.app.tenant", Password = "secret", From = "DoNotReply@registry.example.org" };

    [Fact]
    public void Validate_NoHost_NotConfiguredAndValid()
    {
        var result = new SmtpOptionsValidator().Validate(null, new SmtpOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_AzureCommunicationServicesSettings_Valid()
    {
        Assert.True(new SmtpOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    public static TheoryData<string, string> Defects => new()
    {
        { "port", "Registry:Smtp:Port must be between 1 and 65535" },
        { "from-missing", "Registry:Smtp:From is required" },
        { "from-display", "Registry:Smtp:From is not a bare e-mail address" },
        { "password", "Registry:Smtp:Password is required when Registry:Smtp:UserName is set" },
        { "plain-remote", "Registry:Smtp:Security None is allowed only for a mail server on this machine" },
        { "host", "Registry:Smtp:Host is not a host name or IP address" },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public void Validate_Defect_NamedWithItsSetting(string defect, string message)
    {
        var options = Valid();
        switch (defect)
        {
            case "port": options.Port = 0; break;
            case "from-missing": options.From = null; break;
            case "from-display": options.From = "Registry <noreply@registry.example.org>"; break;
            case "password": options.Password = null; break;
            case "plain-remote": options.Security = SmtpSecurity.None; break;
            case "host": options.Host = "smtp server"; break;
        }

        var result = new SmtpOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PlainSmtpOnLoopback_Valid()
    {
        var options = new SmtpOptions { Host = "127.0.0.1", Port = 2525, Security = SmtpSecurity.None, From = "registry@spinemets.localhost" };

        Assert.True(new SmtpOptionsValidator().Validate(null, options).Succeeded);
    }
}
