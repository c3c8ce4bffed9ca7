using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SpineMetsRegistry.Domain.Configuration;
using SpineMetsRegistry.Pipeline.Blobs;
using SpineMetsRegistry.Pipeline.Ledger;
using SpineMetsRegistry.Synthetic;

namespace SpineMetsRegistry.LocalHost.Demo;

/// <summary>What the demo uploaded for one site and what became of it.</summary>
/// <param name="Site">Site code.</param>
/// <param name="FileName">The uploaded file.</param>
/// <param name="Entry">The ledger entry once processed.</param>
public sealed record DemoBatch(string Site, string FileName, BatchLedgerEntry? Entry);

/// <summary>
/// The demo: for every configured site, generate a realistic synthetic batch (a plausible
/// tumour mix, instability and outcome scores, follow-up attrition and deaths; one site's
/// export carries a few data-entry errors), upload it into the site's incoming/ area as the
/// site would, and wait until the registry has processed every one.
/// </summary>
public sealed class DemoRunner(ILandingBlobs landing, IBatchLedger ledger, RegistryConfiguration configuration, TimeProvider time)
{
    /// <summary>Uploads the demo batches and waits for their outcome.</summary>
    public async Task<IReadOnlyList<DemoBatch>> RunAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var uploads = new List<(string Site, string FileName, BatchKey Key)>();
        var index = 0;
        foreach (var site in configuration.Sites)
        {
            index++;
            var options = new SyntheticCohortOptions
            {
                SiteCode = site.Code,
                // Enough patients (125 to 225 a site, 30 months of enrolment) that every committee chart
                // has cells above the small-cell threshold in the pooled view and on a site's page.
                Patients = 100 + (index * 25),
                EnrollmentMonths = 30,
                AsOf = today,
                Seed = 1000 + index,
                DataErrorRate = index == 3 ? 0.03 : 0,
                Eq5dVersion = index == 5 ? "3L" : "5L",
            };
            var batchId = string.Create(CultureInfo.InvariantCulture, $"demo-{today:yyyyMMdd}-{site.Code.ToLowerInvariant()}");
            var asJsonLines = index == 4;
            var fileName = batchId + (asJsonLines ? ".jsonl" : ".csv");
            var text = new StringWriter(CultureInfo.InvariantCulture);
            if (asJsonLines)
            {
                SyntheticBatchWriter.WriteJsonLines(SyntheticCohortGenerator.Generate(options), text);
            }
            else
            {
                SyntheticBatchWriter.WriteCsv(SyntheticCohortGenerator.Generate(options), text);
            }

            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            using var content = new MemoryStream(bytes);
            await landing.WriteAsync(site.Code, LandingArea.Incoming, fileName, content, asJsonLines ? "application/x-ndjson" : "text/csv", cancellationToken);
            uploads.Add((site.Code, fileName, BatchKey.Create(site.Code, batchId, Convert.ToHexStringLower(SHA256.HashData(bytes)))));
        }

        var deadline = time.GetUtcNow() + timeout;
        var results = new Dictionary<string, BatchLedgerEntry>(StringComparer.Ordinal);
        while (results.Count < uploads.Count && time.GetUtcNow() < deadline)
        {
            foreach (var (site, _, key) in uploads.Where(u => !results.ContainsKey(u.Site)))
            {
                if (await ledger.GetAsync(site, key.Value, cancellationToken) is { Status: BatchStatus.Completed or BatchStatus.Failed } entry)
                {
                    results[site] = entry;
                }
            }

            if (results.Count < uploads.Count)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
            }
        }

        return uploads.Select(u => new DemoBatch(u.Site, u.FileName, results.GetValueOrDefault(u.Site))).ToList();
    }
}
