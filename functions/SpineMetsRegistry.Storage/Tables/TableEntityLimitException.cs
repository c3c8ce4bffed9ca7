namespace SpineMetsRegistry.Storage.Tables;

/// <summary>
/// An entity would break an Azure Table limit (properties, entity size, string length,
/// property name). Thrown before anything is written, so nothing is silently dropped or
/// truncated. The message names the table, the keys and the limit, never a stored value.
/// </summary>
public sealed class TableEntityLimitException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public TableEntityLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TableEntityLimitException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public TableEntityLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
