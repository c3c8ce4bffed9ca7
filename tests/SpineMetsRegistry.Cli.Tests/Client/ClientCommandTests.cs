using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SpineMetsRegistry.Cli.Tests.TestSupport;

namespace SpineMetsRegistry.Cli.Tests.Client;

/// <summary>
/// login, upload, status, report and reminders end to end against a real local registry on
/// Azurite, including what each says when it cannot do its job. Each test has its own
/// configuration folder (its own stored sign-in) and uses its own site or file names.
/// </summary>
[Collection(LocalRegistryFixture.Collection)]
public sealed class ClientCommandTests(LocalRegistryFixture fixture) : IDisposable
{
    private const string PlantedEmail = "jane.doe.1962@example-hospital.org";

    private readonly LocalRegistry _registry = fixture.Registry;
    private readonly TempFolder _files = new();
    private readonly string _config = Path.Combine(Path.GetTempPath(), "spinemets-cli-config", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _files.Dispose();
        if (Directory.Exists(_config))
        {
            Directory.Delete(_config, recursive: true);
        }
    }

    private Task<CliRun> Run(params string[] args) => CliRun.InFolderAsync(_config, string.Empty, args);

    private Task<CliRun> LoginAsync(string site) => Run("login", "--registry", _registry.Address, "--key", _registry.Key(site));

    private static string ForSite(string batch, string site) => batch.Replace("S01-", site + "-", StringComparison.Ordinal);

    private static string Unique(string stem, string extension = ".csv") => $"{stem}-{Guid.NewGuid().ToString("N")[..8]}{extension}";

    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task Login_SiteKey_StoredForTheOwnerOnlyAndUsedByTheOtherCommands()
    {
        var login = await LoginAsync("S04");
        var status = await Run("status");
        var reminders = await Run("reminders");

        Assert.Equal(0, login.ExitCode);
        Assert.Contains("Signed in to " + _registry.Address + " as Registry.Site.S04", login.Output, StringComparison.Ordinal);
        Assert.Contains("Next: spinemets upload FILE", login.Output, StringComparison.Ordinal);
        var file = Path.Combine(_config, "credentials.json");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        using (var stored = JsonDocument.Parse(await File.ReadAllTextAsync(file)))
        {
            Assert.Equal(_registry.Key("S04"), stored.RootElement.GetProperty("key").GetString());
            Assert.Equal("S04", stored.RootElement.GetProperty("site").GetString());
        }

        Assert.Equal(0, status.ExitCode);
        Assert.StartsWith("Site S04 has no batches yet", status.Output, StringComparison.Ordinal);
        Assert.Equal(0, reminders.ExitCode);
        Assert.Contains("site S04", reminders.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_KeyOnStandardInput_StoredWithoutItOnTheCommandLine()
    {
        var login = await CliRun.InFolderAsync(_config, _registry.Key("S05") + "\n", "login", "--registry", _registry.Address);

        Assert.Equal(0, login.ExitCode);
        Assert.Contains("The site's key", login.Error, StringComparison.Ordinal);
        Assert.Contains(_registry.Key("S05"), await File.ReadAllTextAsync(Path.Combine(_config, "credentials.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongKey_ExitThreeSaysLoginAgainNothingStored()
    {
        var login = await Run("login", "--registry", _registry.Address, "--key", "not-a-key");

        Assert.Equal(3, login.ExitCode);
        Assert.Contains("(401)", login.Error, StringComparison.Ordinal);
        Assert.Contains("wrong or has expired", login.Error, StringComparison.Ordinal);
        Assert.Contains($"spinemets login --registry {_registry.Address} --key KEY", login.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_config, "credentials.json")));
    }

    [Fact]
    public async Task Login_AnotherSitesCode_ExitThreeForbidden()
    {
        var login = await Run("login", "--registry", _registry.Address, "--key", _registry.Key("S01"), "--site", "S02");

        Assert.Equal(3, login.ExitCode);
        Assert.Contains("site S02 (403)", login.Error, StringComparison.Ordinal);
        Assert.Contains("This sign-in may work for: S01", login.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_RegistryUnreachable_ExitThreeSayHowToStartIt()
    {
        var address = $"http://127.0.0.1:{ClosedPort()}";
        var batch = _files.Write(Unique("unreachable"), Batches.Valid);

        var login = await Run("login", "--registry", address, "--key", "k");
        var upload = await Run("upload", batch, "--site", "S01", "--registry", address, "--key", "k");

        foreach (var run in new[] { login, upload })
        {
            Assert.Equal(3, run.ExitCode);
            Assert.Contains($"Cannot reach the registry at {address}/: connection refused", run.Error, StringComparison.Ordinal);
            Assert.Contains("dotnet run --project functions/SpineMetsRegistry.LocalHost", run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Commands_NotSignedIn_UsageErrorSaysLogin()
    {
        var status = await Run("status");

        Assert.Equal(2, status.ExitCode);
        Assert.Contains("spinemets login --registry URL --key KEY", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadStatusReport_ValidBatch_AcceptedReportAndReceiptFound()
    {
        await LoginAsync("S01");
        var name = Unique("cli-valid");
        var batchId = Path.GetFileNameWithoutExtension(name);
        var file = _files.Write(name, Batches.Valid);

        var upload = await Run("upload", file);
        var list = await Run("status");
        var one = await Run("status", batchId);
        var text = await Run("report", batchId);
        var csv = await Run("report", name, "--format", "csv");
        var json = await Run("report", batchId, "--format", "json");

        Assert.Equal(0, upload.ExitCode);
        Assert.Contains("Checked offline: 2 records, 0 errors", upload.Output, StringComparison.Ordinal);
        Assert.Contains($"Uploaded {name} into site-s01/incoming/", upload.Output, StringComparison.Ordinal);
        Assert.Contains("Processing: Completed", upload.Error, StringComparison.Ordinal);
        Assert.Contains("Decision: accepted. Records 2: 2 accepted, 0 rejected; stored 2 new", upload.Output, StringComparison.Ordinal);
        Assert.Contains($"Full report: spinemets report {batchId}", upload.Output, StringComparison.Ordinal);
        Assert.Contains($"Receipt:     spinemets report {batchId} --format receipt", upload.Output, StringComparison.Ordinal);

        Assert.Equal(0, list.ExitCode);
        Assert.Contains(list.Output.Split('\n'), l => l.StartsWith(batchId, StringComparison.Ordinal) && l.Contains("Completed", StringComparison.Ordinal) && l.Contains("accepted", StringComparison.Ordinal));
        Assert.Equal(0, one.ExitCode);
        Assert.Contains($"Batch {batchId} of site S01 ({name}", one.Output, StringComparison.Ordinal);
        Assert.Contains("History (UTC):", one.Output, StringComparison.Ordinal);
        Assert.Contains("receipt.json", one.Output, StringComparison.Ordinal);

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Decision: accepted.", text.Output, StringComparison.Ordinal);
        Assert.Equal(0, csv.ExitCode);
        Assert.StartsWith("row,field,code,severity,study_id,message", csv.Output, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        using var report = JsonDocument.Parse(json.Output);
        Assert.Equal("accepted", report.RootElement.GetProperty("summary").GetProperty("decision").GetString());
        Assert.Equal(batchId, report.RootElement.GetProperty("batch").GetProperty("batchId").GetString());
        var receipt = await Run("report", batchId, "--format", "receipt");
        Assert.Equal(0, receipt.ExitCode);
        using var stored = JsonDocument.Parse(receipt.Output);
        Assert.Equal(2, stored.RootElement.GetProperty("stored").GetProperty("inserted").GetInt32());
    }

    [Fact]
    public async Task Upload_BatchWithErrors_ExitOnePartiallyAcceptedReportListsTheProblem()
    {
        await LoginAsync("S02");
        var name = Unique("cli-errors");
        var file = _files.Write(name, ForSite(Batches.WithErrors, "S02"));

        var upload = await Run("upload", file);
        var report = await Run("report", Path.GetFileNameWithoutExtension(name));

        Assert.Equal(1, upload.ExitCode);
        Assert.Contains("Decision: partially_accepted. Records 3: 2 accepted, 1 rejected", upload.Output, StringComparison.Ordinal);
        Assert.Equal(1, report.ExitCode);
        Assert.Contains("Decision: partially_accepted.", report.Output, StringComparison.Ordinal);
        Assert.Contains(report.Output.Split('\n'), l => l.TrimStart().StartsWith("3  error", StringComparison.Ordinal) && l.Contains("sex", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_IdentifierInTheFile_RefusedOfflineMaskedNothingSent()
    {
        await LoginAsync("S03");
        var name = Unique("cli-identifier");
        var content = ForSite(Batches.Header + ",complication_text\n" + Batches.Enrollment1 + ",\n" + Batches.FollowUp1 + $",Wound check requested by {PlantedEmail}\n", "S03");
        var file = _files.Write(name, content);

        var upload = await Run("upload", file);
        var status = await Run("status");

        Assert.Equal(1, upload.ExitCode);
        Assert.Contains($"Not sent: the registry's de-identification gate would quarantine {name}", upload.Error, StringComparison.Ordinal);
        Assert.Contains("row 3, complication_text", upload.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", upload.Error + upload.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("example-hospital", upload.Error + upload.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Uploaded", upload.Output, StringComparison.Ordinal);
        Assert.StartsWith("Site S03 has no batches yet", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusReport_AnotherSiteOrWrongKey_ExitThreeSaysWhatToDo()
    {
        await LoginAsync("S01");

        var otherSite = await Run("status", "--site", "S02");
        var wrongKey = await Run("status", "--registry", _registry.Address, "--key", "expired", "--site", "S01");
        var unknown = await Run("report", "no-such-batch");

        Assert.Equal(3, otherSite.ExitCode);
        Assert.Contains("site S02 (403): a site sees and writes only its own data", otherSite.Error, StringComparison.Ordinal);
        Assert.Equal(3, wrongKey.ExitCode);
        Assert.Contains("(401)", wrongKey.Error, StringComparison.Ordinal);
        Assert.Contains("spinemets login", wrongKey.Error, StringComparison.Ordinal);
        Assert.Equal(3, unknown.ExitCode);
        Assert.Contains("Site S01 has no batch 'no-such-batch' (404)", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("spinemets status", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_NameAlreadyWaitingOrFileTooLarge_409And413ExplainedNothingOverwritten()
    {
        await using var quiet = await LocalRegistry.StartAsync(fixture.Azurite, watch: false, maxUploadBytes: 1000);
        await Run("login", "--registry", quiet.Address, "--key", quiet.Key("S01"));
        var name = Unique("cli-twice");
        var file = _files.Write(name, Batches.Valid);
        var big = _files.Write(Unique("cli-big"), Batches.Header + "\n" + Batches.Enrollment1 + "\n" + string.Concat(Enumerable.Repeat(Batches.FollowUp1 + "\n", 20)));

        var first = await Run("upload", file, "--no-wait");
        await File.AppendAllTextAsync(file, Batches.FollowUp1.Replace("6w", "12w", StringComparison.Ordinal) + "\n");
        var second = await Run("upload", file, "--no-wait");
        var tooLarge = await Run("upload", big, "--no-wait");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"Follow it with: spinemets status {Path.GetFileNameWithoutExtension(name)}", first.Output, StringComparison.Ordinal);
        Assert.Equal(3, second.ExitCode);
        Assert.Contains($"incoming/{name} of site S01 is already waiting to be processed", second.Error, StringComparison.Ordinal);
        Assert.Contains("(409). Uploads never overwrite: give the file a new name", second.Error, StringComparison.Ordinal);
        var landing = quiet.Host.Services.GetService(typeof(Pipeline.Blobs.ILandingBlobs)) as Pipeline.Blobs.ILandingBlobs;
        var waiting = await landing!.GetAsync("S01", Pipeline.Blobs.LandingArea.Incoming, name);
        Assert.Equal(Batches.Valid.Length, waiting!.SizeBytes);
        Assert.Equal(3, tooLarge.ExitCode);
        Assert.Contains("too large for one upload (413)", tooLarge.Error, StringComparison.Ordinal);
        Assert.Contains("one upload may be at most 1000 bytes", tooLarge.Error, StringComparison.Ordinal);
        Assert.Contains("Split the batch into several files", tooLarge.Error, StringComparison.Ordinal);
    }
}
