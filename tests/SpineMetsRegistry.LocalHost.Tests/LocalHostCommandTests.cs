namespace SpineMetsRegistry.LocalHost.Tests;

public sealed class LocalHostCommandTests
{
    [Fact]
    public void Parse_EveryOption_SetsItsSetting()
    {
        var settings = LocalHostCommand.Parse(["--demo", "--port", "6001", "--storage", "UseDevelopmentStorage=true", "--sweep-as-of", "2026-03-01", "--config", "x.json"]);

        Assert.True(settings.Demo);
        Assert.Equal(6001, settings.Port);
        Assert.Equal("UseDevelopmentStorage=true", settings.StorageConnectionString);
        Assert.Equal(new DateOnly(2026, 3, 1), settings.SweepAsOf);
        Assert.Equal("x.json", settings.RegistryConfigurationFile);
    }

    [Theory]
    [InlineData("--port", "abc")]
    [InlineData("--port", "70000")]
    [InlineData("--sweep-as-of", "01-03-2026")]
    [InlineData("--unknown", "x")]
    public void Parse_BadOption_ClearError(string option, string value)
    {
        var exception = Assert.Throws<ArgumentException>(() => LocalHostCommand.Parse([option, value]));

        Assert.Contains(option, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OptionWithoutValue_ClearError()
    {
        var exception = Assert.Throws<ArgumentException>(() => LocalHostCommand.Parse(["--port"]));

        Assert.Contains("needs a value", exception.Message, StringComparison.Ordinal);
    }
}
