using System.Text.Json.Serialization;

namespace SpineMetsRegistry.Domain.Validation;

/// <summary>
/// What the registry does with a validated batch. Written everywhere (reports, activity
/// payloads, the ledger table, receipts, the HTTP API) as the same snake_case code: the JSON
/// names below are honoured by every <see cref="JsonStringEnumConverter"/>, whatever its naming
/// policy, and <see cref="BatchDecisionCodes"/> uses them for table storage.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<BatchDecision>))]
public enum BatchDecision
{
    /// <summary>Every record is valid and will be stored.</summary>
    [JsonStringEnumMemberName("accepted")]
    Accepted,

    /// <summary>The valid records will be stored; the invalid ones are reported and not stored.</summary>
    [JsonStringEnumMemberName("partially_accepted")]
    PartiallyAccepted,

    /// <summary>Nothing is stored: a structural problem, or an error under the hold-whole-batch policy.</summary>
    [JsonStringEnumMemberName("held")]
    Held,

    /// <summary>Nothing is stored because no record is valid.</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,

    /// <summary>
    /// An identifier was found: nothing is stored, the bytes go to a quarantine area no site or
    /// committee member can read, and the site's report shows each finding masked.
    /// </summary>
    [JsonStringEnumMemberName("quarantined")]
    Quarantined,
}
