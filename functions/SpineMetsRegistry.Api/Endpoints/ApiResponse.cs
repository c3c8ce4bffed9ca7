namespace SpineMetsRegistry.Api.Endpoints;

/// <summary>
/// A response as data, for either host to write: a status code and either a JSON body or
/// a content stream. Errors carry a stable code and a message.
/// </summary>
public sealed record ApiResponse
{
    /// <summary>HTTP status code.</summary>
    public required int StatusCode { get; init; }

    /// <summary>A body serialized as JSON, or null.</summary>
    public object? Json { get; init; }

    /// <summary>A content stream (report downloads), or null. The host disposes it.</summary>
    public Stream? Content { get; init; }

    /// <summary>The content type of <see cref="Content"/>.</summary>
    public string? ContentType { get; init; }

    /// <summary>200 with a JSON body.</summary>
    public static ApiResponse Ok(object body) => new() { StatusCode = 200, Json = body };

    /// <summary>202: accepted for processing.</summary>
    public static ApiResponse Accepted(object body) => new() { StatusCode = 202, Json = body };

    /// <summary>200 with a stream.</summary>
    public static ApiResponse File(Stream content, string contentType) => new() { StatusCode = 200, Content = content, ContentType = contentType };

    /// <summary>An error with a stable code.</summary>
    public static ApiResponse Error(int statusCode, string code, string message) =>
        new() { StatusCode = statusCode, Json = new ApiError(code, message) };

    /// <summary>401: no authenticated caller.</summary>
    public static ApiResponse Unauthenticated() => Error(401, "unauthenticated", "Sign in to use the registry API.");

    /// <summary>403: the caller lacks the role.</summary>
    public static ApiResponse Forbidden(string what) => Error(403, "forbidden", $"Your roles do not allow {what}.");

    /// <summary>404.</summary>
    public static ApiResponse NotFound(string what) => Error(404, "not_found", $"{what} does not exist.");

    /// <summary>400.</summary>
    public static ApiResponse BadRequest(string message) => Error(400, "bad_request", message);
}

/// <summary>An error body.</summary>
/// <param name="Code">Stable error code.</param>
/// <param name="Message">What went wrong.</param>
public sealed record ApiError(string Code, string Message);
