namespace SpineMetsRegistry.Pipeline.Ledger;

/// <summary>The stages a batch passes through, in order. The ledger keeps each one reached.</summary>
public enum BatchStatus
{
    /// <summary>The bytes were copied to the central intake area.</summary>
    Received = 10,

    /// <summary>Validated and passed the de-identification gate; report written.</summary>
    Validated = 20,

    /// <summary>An identifier was found: the whole batch is in quarantine and nothing is stored.</summary>
    Quarantined = 25,

    /// <summary>The batch was held or rejected by validation: nothing is stored.</summary>
    NotStored = 27,

    /// <summary>The accepted records are stored.</summary>
    Stored = 30,

    /// <summary>The aggregates the batch touched are recomputed.</summary>
    Aggregated = 40,

    /// <summary>The follow-up schedule is updated.</summary>
    Scheduled = 50,

    /// <summary>The receipt is written; the batch is finished.</summary>
    Completed = 60,

    /// <summary>Processing failed after retries; the reason is recorded.</summary>
    Failed = 99,
}
