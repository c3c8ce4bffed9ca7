using System.Text.Json;
using System.Text.Json.Serialization;
using SpineMetsRegistry.Domain.FollowUp;
using SpineMetsRegistry.Pipeline.Aggregates;

namespace SpineMetsRegistry.Pipeline.FollowUp;

/// <summary>
/// The weekly committee digest: follow-up compliance of every site at every time point, and
/// the sites below the configured threshold at any of them. Stored with raw counts (scope
/// <see cref="AggregateScopes.Committee"/>, name <see cref="DocumentName"/>); the API
/// suppresses small cells when it serves it, so a changed threshold applies at once.
/// </summary>
public sealed record ComplianceDigest
{
    /// <summary>The aggregate name of the stored digest.</summary>
    public const string DocumentName = "followup.digest";

    /// <summary>The day it describes.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The compliance threshold it was computed against.</summary>
    public required double Threshold { get; init; }

    /// <summary>The fingerprint of the follow-up protocol.</summary>
    public required string Protocol { get; init; }

    /// <summary>Compliance per site and time point (only where a window has closed).</summary>
    public required IReadOnlyList<SiteCompliance> Compliance { get; init; }

    /// <summary>The sites below the threshold at one time point or more.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> SitesBelowThreshold =>
        Compliance.Where(c => c.IsBelow(Threshold)).Select(c => c.Site).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Serializes the digest.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, AggregateJson.Options);

    /// <summary>Reads a stored digest.</summary>
    public static ComplianceDigest FromJson(string json) =>
        JsonSerializer.Deserialize<ComplianceDigest>(json, AggregateJson.Options) ?? throw new InvalidDataException("An empty compliance digest.");
}
