using System.Net;
using System.Text.Json;
using SpineMetsRegistry.Domain.Committee;

namespace SpineMetsRegistry.LocalHost.Tests;

/// <summary>The committee statistics API over the demo data: every table, filters, CSV, roles.</summary>
[Collection(DemoRegistryFixture.Collection)]
public sealed class StatisticsApiTests(DemoRegistryFixture fixture)
{
    private readonly RunningRegistry _registry = fixture.Registry;

    public static TheoryData<string> Tables => new(CommitteePublisher.TableNames);

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task GetTable_Committee_JsonWithColumnsAndRowsOfTheRightWidth(string table)
    {
        using var client = _registry.Client(_registry.Host.Credentials.Committee);

        using var body = JsonDocument.Parse(await client.GetStringAsync($"/api/statistics/pooled/{table}"));

        var published = body.RootElement.GetProperty("table");
        Assert.Equal(table, published.GetProperty("name").GetString());
        var width = published.GetProperty("columns").GetArrayLength();
        Assert.All(published.GetProperty("rows").EnumerateArray(), r => Assert.Equal(width, r.GetArrayLength()));
        Assert.NotEqual(0, published.GetProperty("rows").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task GetTableCsv_Committee_HeaderAndOneLinePerRow(string table)
    {
        using var client = _registry.Client(_registry.Host.Credentials.Committee);
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/statistics/pooled/{table}"));

        var response = await client.GetAsync($"/api/statistics/pooled/{table}.csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', json.RootElement.GetProperty("table").GetProperty("columns").EnumerateArray().Select(c => c.GetString())), lines[0]);
        Assert.Equal(json.RootElement.GetProperty("table").GetProperty("rows").GetArrayLength(), lines.Length - 1);
        Assert.DoesNotContain(lines.SelectMany(l => l.Split(',')), cell => cell.Length > 0 && cell[0] is '=' or '+' or '@');
    }

    [Theory]
    [InlineData("sosgoq_total")]
    [InlineData("sosgoq_physical_function")]
    [InlineData("sosgoq_pain")]
    [InlineData("sosgoq_mental_health")]
    [InlineData("sosgoq_social_function")]
    [InlineData("eq5d_index")]
    [InlineData("nrs_pain")]
    public async Task GetOutcomes_DemoCohort_EveryMeasureHasABaselineMean(string measure)
    {
        using var committee = _registry.Client(_registry.Host.Credentials.Committee);

        using var body = JsonDocument.Parse(await committee.GetStringAsync("/api/statistics/pooled/outcomes.summary?time_point=baseline"));

        var row = Assert.Single(body.RootElement.GetProperty("table").GetProperty("rows").EnumerateArray(), r => r[1].GetString() == measure);
        Assert.True(row[3].GetInt64() >= 11, measure + " n");
        Assert.Equal(JsonValueKind.Number, row[4].ValueKind);
    }

    [Fact]
    public async Task GetDataQuality_CommitteeAndSite_EverySiteForTheCommitteeOnlyItselfForASite()
    {
        using var committee = _registry.Client(_registry.Host.Credentials.Committee);
        using var site = _registry.Client(_registry.Host.Credentials.Sites["S02"]);

        using var pooled = JsonDocument.Parse(await committee.GetStringAsync("/api/statistics/pooled/data_quality"));
        using var own = JsonDocument.Parse(await site.GetStringAsync("/api/statistics/site:S02/data_quality"));

        static List<string> Sites(JsonDocument d) => d.RootElement.GetProperty("table").GetProperty("rows").EnumerateArray().Select(r => r[0].GetString()!).Distinct().ToList();
        var sites = Sites(pooled);
        Assert.Equal("network", sites[^1]);
        Assert.Contains("S02", sites);
        Assert.True(sites.Count >= 3, "every demo site with data and the network: " + string.Join(", ", sites));
        Assert.Equal(["own", "network"], Sites(own));
        // The demo's sites have enough records for some missing-data rates to be shown.
        Assert.Contains(pooled.RootElement.GetProperty("table").GetProperty("rows").EnumerateArray(),
            r => r[1].GetString() == "missing" && r[3].ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task Get_EveryFilterValue_AnsweredAndNarrower()
    {
        using var client = _registry.Client(_registry.Host.Credentials.Committee);
        using var all = JsonDocument.Parse(await client.GetStringAsync("/api/statistics/pooled"));
        var enrolledAll = Enrolled(all, "network");
        var dimensions = all.RootElement.GetProperty("dimensions");

        foreach (var dimension in new[] { "period", "primary_group", "index_treatment" })
        {
            long sum = 0;
            var anyHidden = false;
            foreach (var value in dimension_values(dimensions, dimension))
            {
                using var filtered = JsonDocument.Parse(await client.GetStringAsync($"/api/statistics/pooled?{dimension}={Uri.EscapeDataString(value)}"));
                Assert.Equal(value, filtered.RootElement.GetProperty("filter").GetProperty(dimension).GetString());
                if (Enrolled(filtered, "network") is { } n)
                {
                    sum += n;
                }
                else
                {
                    anyHidden = true;
                }
            }

            // Filters are margins of each other: when nothing is hidden the parts add up to the whole.
            if (!anyHidden)
            {
                Assert.Equal(enrolledAll, sum);
            }
        }

        static IEnumerable<string> dimension_values(JsonElement d, string name) => d.GetProperty(name).EnumerateArray().Select(v => v.GetString()!);
    }

    [Fact]
    public async Task Get_TimePointFilter_OnlyThatTimePoint()
    {
        using var client = _registry.Client(_registry.Host.Credentials.Committee);

        using var body = JsonDocument.Parse(await client.GetStringAsync("/api/statistics/pooled/outcomes.summary?time_point=26w"));

        Assert.All(body.RootElement.GetProperty("table").GetProperty("rows").EnumerateArray(), r => Assert.Equal("26w", r[2].GetString()));
    }

    [Fact]
    public async Task Get_BadFilterOrTableOrScope_ClearErrors()
    {
        using var client = _registry.Client(_registry.Host.Credentials.Committee);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/statistics/pooled?period=1850")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/statistics/pooled?time_point=7w")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/statistics/pooled/no.such.table")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/statistics/S99")).StatusCode);
    }

    [Fact]
    public async Task Get_Roles_SiteReadsOwnScopeWithNetworkNeverAnotherSiteNoKey401()
    {
        using var site = _registry.Client(_registry.Host.Credentials.Sites["S01"]);
        using var anonymous = _registry.Client(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/statistics/pooled")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/statistics/S01/outcomes.summary.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.GetAsync("/api/statistics/S02")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.GetAsync("/api/statistics/S02/survival.curves.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.GetAsync("/api/statistics/pooled")).StatusCode);

        using var own = JsonDocument.Parse(await site.GetStringAsync("/api/statistics/S01"));
        var views = own.RootElement.GetProperty("tables").EnumerateArray()
            .SelectMany(t => t.GetProperty("rows").EnumerateArray().Select(r => r[0].GetString()))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["network", "own"], views);
        Assert.Equal("site:S01", own.RootElement.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Get_EveryScope_NoPublishedCountBetweenOneAndThresholdMinusOne()
    {
        using var committee = _registry.Client(_registry.Host.Credentials.Committee);
        foreach (var scope in new[] { "pooled", "S01", "S02", "S03", "S04", "S05" })
        {
            using var body = JsonDocument.Parse(await committee.GetStringAsync($"/api/statistics/{scope}"));
            foreach (var table in body.RootElement.GetProperty("tables").EnumerateArray())
            {
                var columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList();
                var countColumns = columns.Select((c, i) => (c, i)).Where(x => x.c is "enrolled" or "with_survival_time" or "visits" or "n" or "pairs" or "reached_mcid" or "at_risk" or "events" or "censored" or "patients").Select(x => x.i).ToList();
                foreach (var row in table.GetProperty("rows").EnumerateArray())
                {
                    foreach (var i in countColumns)
                    {
                        if (row[i].ValueKind == JsonValueKind.Number)
                        {
                            Assert.False(row[i].GetInt64() is > 0 and < 11, $"{scope} {table.GetProperty("name").GetString()} shows a small count");
                        }
                    }
                }
            }
        }
    }

    private static long? Enrolled(JsonDocument body, string view)
    {
        var row = body.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "enrollment.summary")
            .GetProperty("rows").EnumerateArray().Single(r => r[0].GetString() == view);
        return row[1].ValueKind == JsonValueKind.Number ? row[1].GetInt64() : null;
    }
}
