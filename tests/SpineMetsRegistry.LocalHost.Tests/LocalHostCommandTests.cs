namespace SpineMetsRegistry.LocalHost.Tests;

public sealed class LocalHostCommandTests
{
    [Fact]
    public void Parse_EveryOption_SetsItsSetting()
    {
        var parsed = LocalHostCommand.Parse(["--demo", "--port", "6001", "--storage", "UseDevelopmentStorage=true", "--sweep-as-of", "2026-03-01", "--config", "x.json"]);

        var settings = Assert.IsType<Hosting.LocalHostSettings>(parsed.Settings);
        Assert.Empty(parsed.Errors);
        Assert.True(settings.Demo);
        Assert.Equal(6001, settings.Port);
        Assert.Equal("UseDevelopmentStorage=true", settings.StorageConnectionString);
        Assert.Equal(new DateOnly(2026, 3, 1), settings.SweepAsOf);
        Assert.Equal("x.json", settings.RegistryConfigurationFile);
    }

    [Fact]
    public void Parse_NoOptions_TheSettingsDefaultsWithTheLocalMailServer()
    {
        var parsed = LocalHostCommand.Parse([]);

        // The command line starts a local mail server (smtp4dev) unless --no-mail says otherwise.
        Assert.Equal(new Hosting.LocalHostSettings { LocalMailServer = true }, parsed.Settings);
        Assert.False(parsed.HelpRequested);
    }

    [Theory]
    [InlineData("--no-mail")]
    [InlineData("--worker")]
    public void Parse_NoMailOrWorker_StartsNoLocalMailServer(string option)
    {
        Assert.False(LocalHostCommand.Parse([option]).Settings!.LocalMailServer);
    }

    [Theory]
    [InlineData("--port", "abc")]
    [InlineData("--port", "70000")]
    [InlineData("--sweep-as-of", "01-03-2026")]
    [InlineData("--unknown", "x")]
    public void Parse_BadOption_ClearError(string option, string value)
    {
        var parsed = LocalHostCommand.Parse([option, value]);

        Assert.Null(parsed.Settings);
        Assert.Contains(parsed.Errors, e => e.Contains(option, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_OptionWithoutValue_ClearError()
    {
        var parsed = LocalHostCommand.Parse(["--port"]);

        Assert.Null(parsed.Settings);
        Assert.Contains(parsed.Errors, e => e.Contains("--port", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_AspNetCoreConfigurationSwitch_LeftToTheWebHost()
    {
        var parsed = LocalHostCommand.Parse(["--Logging:LogLevel:Default=Warning", "--demo"]);

        Assert.Empty(parsed.Errors);
        Assert.True(parsed.Settings!.Demo);
    }

    [Fact]
    public void Parse_Help_RequestedAndNothingElse()
    {
        Assert.True(LocalHostCommand.Parse(["--help"]).HelpRequested);
    }
}
