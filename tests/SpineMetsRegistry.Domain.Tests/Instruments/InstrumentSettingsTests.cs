using Microsoft.Extensions.Configuration;
using SpineMetsRegistry.Domain.Instruments;
using SpineMetsRegistry.Domain.Instruments.Bilsky;
using SpineMetsRegistry.Domain.Instruments.Disease;
using SpineMetsRegistry.Domain.Instruments.Eq5d;
using SpineMetsRegistry.Domain.Instruments.Prognosis;

namespace SpineMetsRegistry.Domain.Tests.Instruments;

public sealed class InstrumentSettingsTests
{
    [Fact]
    public void Resolve_Defaults_AreTheDocumentedRegistryDefaults()
    {
        var resolved = InstrumentSettingsResolver.Resolve(new InstrumentSettings(), Eq5dValueSetCatalog.BuiltIn);

        Assert.True(resolved.IsSuccess, string.Join("; ", resolved.Errors));
        var settings = resolved.Value!;
        Assert.Equal("UK-TTO", settings.Eq5d3LValueSet.Name);
        Assert.Equal("England", settings.Eq5d5LValueSet.Name);
        Assert.Same(settings.Eq5d5LValueSet, settings.ValueSetFor(Eq5dVersion.FiveLevel));
        Assert.Equal(BilskyGrade1cPolicy.LowGrade, settings.BilskyGrade1cPolicy);
        Assert.Equal(NesmsModifiedBauerRule.OnePoint, settings.NesmsModifiedBauerRule);
        Assert.Equal("conventional", settings.KpsEcogMap.Name);
        Assert.Same(RadiosensitivityMap.RegistryDefault, settings.Radiosensitivity);
        Assert.Equal((10m, 0.074m, 2m), (settings.Mcid.SosgoqTotal, settings.Mcid.Eq5dIndex, settings.Mcid.NrsPain));
    }

    [Fact]
    public void Bind_FromJsonConfiguration_ReplacesDefaultsAndResolves()
    {
        const string Json = """
            {
              "Instruments": {
                "Eq5d5LValueSet": "USA",
                "BilskyGrade1cPolicy": "HighGrade",
                "NesmsModifiedBauerRule": "TwoPoints",
                "KpsEcogMap": "alternative",
                "KpsEcogMaps": [
                  {
                    "Name": "alternative",
                    "Description": "A test map",
                    "Bands": [
                      { "Ecog": 0, "KpsMinimum": 100, "KpsMaximum": 100, "KpsForEcog": 100 },
                      { "Ecog": 1, "KpsMinimum": 80, "KpsMaximum": 90, "KpsForEcog": 80 },
                      { "Ecog": 2, "KpsMinimum": 60, "KpsMaximum": 70, "KpsForEcog": 60 },
                      { "Ecog": 3, "KpsMinimum": 40, "KpsMaximum": 50, "KpsForEcog": 40 },
                      { "Ecog": 4, "KpsMinimum": 10, "KpsMaximum": 30, "KpsForEcog": 20 },
                      { "Ecog": 5, "KpsMinimum": 0, "KpsMaximum": 0, "KpsForEcog": 0 }
                    ]
                  }
                ],
                "RadiosensitiveHistologies": [ "lymphoma", "myeloma", "breast", "prostate" ],
                "Mcid": { "NrsPain": 1.5, "Eq5dIndex": 0.05 }
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Json))).Build();
        var settings = configuration.GetSection(InstrumentSettings.SectionName).Get<InstrumentSettings>()!;

        var resolved = InstrumentSettingsResolver.Resolve(settings, Eq5dValueSetCatalog.BuiltIn);

        Assert.True(resolved.IsSuccess, string.Join("; ", resolved.Errors));
        var value = resolved.Value!;
        Assert.Equal("USA", value.Eq5d5LValueSet.Name);
        Assert.Equal("UK-TTO", value.Eq5d3LValueSet.Name);
        Assert.Equal(BilskyGrade1cPolicy.HighGrade, value.BilskyGrade1cPolicy);
        Assert.Equal(NesmsModifiedBauerRule.TwoPoints, value.NesmsModifiedBauerRule);
        Assert.Equal("alternative", value.KpsEcogMap.Name);
        // The configured list replaces the default: germ_cell is no longer sensitive, nothing was appended.
        Assert.Equal([PrimaryTumour.Breast, PrimaryTumour.Prostate, PrimaryTumour.Myeloma, PrimaryTumour.Lymphoma], value.Radiosensitivity.Radiosensitive);
        Assert.Equal("configured", value.Radiosensitivity.Name);
        Assert.Equal((10m, 0.05m, 1.5m), (value.Mcid.SosgoqTotal, value.Mcid.Eq5dIndex, value.Mcid.NrsPain));
    }

    [Fact]
    public void Resolve_UnknownNamesAndBadValues_ReportsEveryProblem()
    {
        var settings = new InstrumentSettings
        {
            Eq5d3LValueSet = "England",
            Eq5d5LValueSet = "UK",
            KpsEcogMap = "ma",
            RadiosensitiveHistologies = ["lymphoma", "seminoma"],
        };
        settings.Mcid.NrsPain = 0;

        var resolved = InstrumentSettingsResolver.Resolve(settings, Eq5dValueSetCatalog.BuiltIn);

        Assert.False(resolved.IsSuccess);
        Assert.Equal(
            ["Eq5d3LValueSet", "Eq5d5LValueSet", "KpsEcogMap", "Mcid.NrsPain", "RadiosensitiveHistologies"],
            resolved.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains(resolved.Errors, e => e.Message.Contains("seminoma", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_InvalidConfiguredKpsEcogMap_ReportsItsProblemsUnderItsPath()
    {
        var settings = new InstrumentSettings
        {
            KpsEcogMaps = [new KpsEcogMapSettings { Name = "partial", Bands = [new KpsEcogBandSettings { Ecog = 0, KpsMinimum = 90, KpsMaximum = 100, KpsForEcog = 90 }] }],
        };

        var resolved = InstrumentSettingsResolver.Resolve(settings, Eq5dValueSetCatalog.BuiltIn);

        Assert.False(resolved.IsSuccess);
        Assert.All(resolved.Errors, e => Assert.StartsWith("KpsEcogMaps[0].", e.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_ValueSetAddedAsData_CanBeSelected()
    {
        var json = """
            {
              "name": "Testland", "version": "5L",
              "source": { "citation": "Hypothetical", "doi": "10.0000/testland" },
              "decrements": {
                "MO": { "2": 0.1, "3": 0.2, "4": 0.3, "5": 0.4 }, "SC": { "2": 0.1, "3": 0.2, "4": 0.3, "5": 0.4 },
                "UA": { "2": 0.1, "3": 0.2, "4": 0.3, "5": 0.4 }, "PD": { "2": 0.1, "3": 0.2, "4": 0.3, "5": 0.4 },
                "AD": { "2": 0.1, "3": 0.2, "4": 0.3, "5": 0.4 }
              }
            }
            """;
        var catalog = Eq5dValueSetCatalog.BuiltIn.With(Eq5dValueSetReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Value!).Value!;

        var resolved = InstrumentSettingsResolver.Resolve(new InstrumentSettings { Eq5d5LValueSet = "Testland" }, catalog);

        Assert.Equal("Testland", resolved.Value!.Eq5d5LValueSet.Name);
    }
}
