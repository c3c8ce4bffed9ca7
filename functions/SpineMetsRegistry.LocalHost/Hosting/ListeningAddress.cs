namespace SpineMetsRegistry.LocalHost.Hosting;

/// <summary>Where the host listens, known once it has started (port 0 picks one); read lazily by what links to the dashboard.</summary>
internal sealed class ListeningAddress
{
    public Uri? Value { get; set; }
}
