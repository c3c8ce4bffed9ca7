using System.Text.Json;
using SpineMetsRegistry.LocalHost.Mail;

namespace SpineMetsRegistry.FollowUp.Tests.Support;

/// <summary>
/// One real smtp4dev for the notification tests (the same server, installed the same way, that
/// the local host starts): what the registry sends is read back through its web API.
/// </summary>
public sealed class Smtp4devFixture : IAsyncLifetime
{
    public const string Collection = "Smtp4dev";

    private readonly string _data = Directory.CreateTempSubdirectory("spinemets-smtp4dev-").FullName;

    public Smtp4devServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await Smtp4devServer.StartAsync(_data);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    /// <summary>Every received message addressed to <paramref name="recipient"/>, with its raw source.</summary>
    public async Task<List<ReceivedMail>> MailsToAsync(string recipient)
    {
        using var http = new HttpClient { BaseAddress = Server.WebAddress };
        using var list = JsonDocument.Parse(await http.GetStringAsync("api/messages?pageSize=500"));
        var mails = new List<ReceivedMail>();
        foreach (var message in list.RootElement.GetProperty("results").EnumerateArray())
        {
            var to = message.GetProperty("to").EnumerateArray().Select(t => t.GetString()!).ToList();
            if (to.Contains(recipient, StringComparer.OrdinalIgnoreCase))
            {
                var id = message.GetProperty("id").GetString()!;
                mails.Add(new ReceivedMail(to, message.GetProperty("subject").GetString()!, await http.GetStringAsync($"api/messages/{id}/raw")));
            }
        }

        return mails;
    }
}

/// <summary>A mail as smtp4dev received it.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> To, string Subject, string Raw);

[CollectionDefinition(Smtp4devFixture.Collection)]
public sealed class Smtp4devCollection : ICollectionFixture<Smtp4devFixture>, ICollectionFixture<SpineMetsRegistry.Testing.Azurite.AzuriteFixture>;
