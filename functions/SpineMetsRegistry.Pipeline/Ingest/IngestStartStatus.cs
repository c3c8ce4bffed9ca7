using System.Text.Json.Serialization;

namespace SpineMetsRegistry.Pipeline.Ingest;

/// <summary>What the ingest starter did with one announced upload; written as the snake_case code in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IngestStartStatus>))]
public enum IngestStartStatus
{
    /// <summary>A new ingest workflow started.</summary>
    [JsonStringEnumMemberName("started")]
    Started,

    /// <summary>The workflow for this exact upload is already running: nothing new started.</summary>
    [JsonStringEnumMemberName("already_running")]
    AlreadyRunning,

    /// <summary>This exact upload was already ingested: nothing to do.</summary>
    [JsonStringEnumMemberName("already_completed")]
    AlreadyCompleted,

    /// <summary>The workflow for this upload had failed and was started again.</summary>
    [JsonStringEnumMemberName("restarted")]
    Restarted,

    /// <summary>The upload was not started (unknown site, gone, unsupported name); the detail says why.</summary>
    [JsonStringEnumMemberName("ignored")]
    Ignored,
}
