using System.Runtime.CompilerServices;
using SpineMetsRegistry.Pipeline.Aggregates;

namespace SpineMetsRegistry.Pipeline.Tests.Support;

/// <summary>
/// Aggregates in memory that remember how they were asked: the documents of every write call,
/// and the scopes listed whole. A document can be made to vanish right after the next listing of
/// its scope, as when a writer's clean-up runs between a reader's listing and its reads.
/// </summary>
internal sealed class RecordingAggregateStore : IAggregateStore
{
    private readonly SortedDictionary<(string Scope, string Name), (AggregateDocument Document, int Version)> _documents = [];
    private (string Scope, string Name)? _vanishAfterListing;

    /// <summary>The documents of each write call, in order.</summary>
    public List<IReadOnlyList<AggregateDocument>> Writes { get; } = [];

    /// <summary>The scopes whose documents were listed whole (<see cref="ListAsync"/>).</summary>
    public List<string> ListedScopes { get; } = [];

    /// <summary>The documents of a scope, by name.</summary>
    public IReadOnlyList<AggregateDocument> In(string scope) =>
        _documents.Where(d => d.Key.Scope == scope).Select(d => d.Value.Document).ToList();

    /// <summary>Deletes the document right after the next listing of its scope's versions.</summary>
    public void VanishAfterNextListing(string scope, string name) => _vanishAfterListing = (scope, name);

    public Task WriteAsync(IReadOnlyList<AggregateDocument> documents, CancellationToken cancellationToken = default)
    {
        Writes.Add(documents.ToList());
        foreach (var document in documents)
        {
            var key = (document.Scope, document.Name);
            _documents[key] = (document, _documents.TryGetValue(key, out var stored) ? stored.Version + 1 : 1);
        }

        return Task.CompletedTask;
    }

    public Task<AggregateDocument?> ReadAsync(string scope, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_documents.TryGetValue((scope, name), out var stored) ? stored.Document : null);

    public async IAsyncEnumerable<AggregateDocument> ListAsync(string scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ListedScopes.Add(scope);
        foreach (var document in In(scope))
        {
            yield return document;
        }

        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<AggregateVersion> ListVersionsAsync(string scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var versions = _documents.Where(d => d.Key.Scope == scope)
            .Select(d => new AggregateVersion(d.Key.Name, d.Value.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        if (_vanishAfterListing is { } vanish && vanish.Scope == scope)
        {
            _documents.Remove(vanish);
            _vanishAfterListing = null;
        }

        foreach (var version in versions)
        {
            yield return version;
        }

        await Task.CompletedTask;
    }

    public Task DeleteOthersAsync(string scope, IReadOnlyCollection<string> keep, CancellationToken cancellationToken = default)
    {
        foreach (var key in _documents.Keys.Where(k => k.Scope == scope && !keep.Contains(k.Name)).ToList())
        {
            _documents.Remove(key);
        }

        return Task.CompletedTask;
    }
}
