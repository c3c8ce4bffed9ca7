using System.Text;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Domain.Validation;

namespace SpineMetsRegistry.Domain.Tests.Configuration;

/// <summary>The registry configuration that gives validation its sites, study ID patterns and row policy.</summary>
public sealed class RegistryConfigurationLoaderTests
{
    private static RegistryConfigurationResult Load(string json) => RegistryConfigurationLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void LoadFile_RepositoryConfiguration_LoadsWithDefaultPolicy()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "infra", "registry.json")))
        {
            directory = directory.Parent;
        }

        var result = RegistryConfigurationLoader.LoadFile(Path.Combine(directory!.FullName, "infra", "registry.json"));

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.NotEmpty(result.Value!.Sites);
        Assert.Equal(InvalidRowPolicy.AcceptValidRows, result.Value.Settings.InvalidRowPolicy);
    }

    [Fact]
    public void Load_PolicyAndSites_ReadCaseInsensitively()
    {
        var result = Load("""{ "sites": [ { "code": "S07", "studyIdPattern": "^S07-[0-9]{4}$" } ], "settings": { "invalidRowPolicy": "holdWholeBatch" } }""");

        Assert.Equal(InvalidRowPolicy.HoldWholeBatch, result.Value!.Settings.InvalidRowPolicy);
        Assert.Equal("S07", result.Value.FindSite("s07")!.Code);
        Assert.Null(result.Value.FindSite("S08"));
    }

    [Theory]
    [InlineData("""{ "sites": [] }""", "lists no sites")]
    [InlineData("""{ "sites": [ { "code": "X1", "studyIdPattern": "^x$" } ] }""", "must be S followed by two or three digits")]
    [InlineData("""{ "sites": [ { "code": "S01", "studyIdPattern": "^a$" }, { "code": "s01", "studyIdPattern": "^b$" } ] }""", "is listed twice")]
    [InlineData("""{ "sites": [ { "code": "S01", "studyIdPattern": "" } ] }""", "has no studyIdPattern")]
    [InlineData("""{ "sites": [ { "code": "S01", "studyIdPattern": "([" } ] }""", "not a valid regular expression")]
    [InlineData("""{ "sites": [ { "code": "S01", "studyIdPattern": "^(?=S)S01$" } ] }""", "backreferences or lookarounds")]
    [InlineData("""{ "sites": [ { "code": "S01", "studyIdPattern": "^a$" } ], "settings": { "followUpSweepSchedule": "0 */6 * * * *" } }""", "settings.followUpSweepSchedule must be a daily")]
    [InlineData("""{ "sites": [ """, "not valid JSON")]
    [InlineData("null", "is empty")]
    public void Load_Defect_ReportedNotThrown(string json, string message)
    {
        var result = Load(json);

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void LoadFile_Missing_Reported()
    {
        var result = RegistryConfigurationLoader.LoadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json"));

        Assert.Contains("does not exist", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void CompileStudyIdPattern_SitePattern_MatchesWholeStudyIdOnly()
    {
        var pattern = BatchValidationContext.CompileStudyIdPattern("^S01-[0-9]{4}$");

        Assert.Matches(pattern, "S01-0001");
        Assert.DoesNotMatch(pattern, "xS01-0001");
        Assert.DoesNotMatch(pattern, "S01-00012");
    }
}
