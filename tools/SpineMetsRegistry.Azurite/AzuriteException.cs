namespace SpineMetsRegistry.Azurite;

/// <summary>
/// Azurite could not be installed or started. This is an environment problem (no Node.js,
/// no network, a busy port), not bad user data, so it surfaces as an exception at the
/// process boundary; <see cref="Failure"/> is a stable code callers and tests can match on.
/// </summary>
public sealed class AzuriteException : Exception
{
    public AzuriteException(AzuriteFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>The stable failure code.</summary>
    public AzuriteFailure Failure { get; }
}
