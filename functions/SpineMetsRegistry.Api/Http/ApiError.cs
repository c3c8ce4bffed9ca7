namespace SpineMetsRegistry.Api.Http;

/// <summary>An error body.</summary>
/// <param name="Code">Stable error code.</param>
/// <param name="Message">What went wrong.</param>
public sealed record ApiError(string Code, string Message);
