namespace SpineMetsRegistry.Pipeline.Tests.Ingest.HostileNames;

/// <summary>What must happen to an upload event.</summary>
public enum NameOutcome
{
    /// <summary>The event parser ignores the event (with a reason for the log): nothing is read.</summary>
    EventIgnored,

    /// <summary>The starter ignores the upload without a report (no such site, blob gone).</summary>
    UploadIgnored,

    /// <summary>The starter writes a not-processed report for the site and starts nothing.</summary>
    NotProcessed,

    /// <summary>The upload is started as a batch of the site its container belongs to.</summary>
    Started,
}

/// <summary>
/// One hostile blob name (issue 16): the container and blob path an upload event names, what
/// must happen, and a piece of the reason (or, when started, the site it is ingested for).
/// </summary>
public sealed record HostileBlobName(string Name, string Container, string BlobPath, NameOutcome Outcome, string Expected)
{
    public override string ToString() => Name;
}
