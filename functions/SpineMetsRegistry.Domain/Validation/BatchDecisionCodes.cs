namespace SpineMetsRegistry.Domain.Validation;

/// <summary>
/// The stable text codes of <see cref="BatchDecision"/> ("accepted", "partially_accepted",
/// "held", "rejected", "quarantined") for places that store text rather than JSON, such as a
/// ledger table column: stored ledgers written before the enum existed hold the same codes.
/// </summary>
public static class BatchDecisionCodes
{
    /// <summary>The code of <paramref name="decision"/>.</summary>
    /// <param name="decision">A defined decision.</param>
    /// <returns>Its snake_case code, the same string its JSON form uses.</returns>
    public static string ToCode(BatchDecision decision) => decision switch
    {
        BatchDecision.Accepted => "accepted",
        BatchDecision.PartiallyAccepted => "partially_accepted",
        BatchDecision.Held => "held",
        BatchDecision.Rejected => "rejected",
        BatchDecision.Quarantined => "quarantined",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Not a batch decision."),
    };

    /// <summary>Reads a code written by <see cref="ToCode"/>.</summary>
    /// <param name="code">The stored code (exact, lower case).</param>
    /// <param name="decision">The decision when the code is known.</param>
    /// <returns>Whether <paramref name="code"/> is one of the five codes.</returns>
    public static bool TryParse(string? code, out BatchDecision decision)
    {
        foreach (var candidate in Enum.GetValues<BatchDecision>())
        {
            if (string.Equals(ToCode(candidate), code, StringComparison.Ordinal))
            {
                decision = candidate;
                return true;
            }
        }

        decision = default;
        return false;
    }
}
