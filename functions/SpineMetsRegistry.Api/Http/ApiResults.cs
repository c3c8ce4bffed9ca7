using Microsoft.AspNetCore.Http;

namespace SpineMetsRegistry.Api.Http;

/// <summary>
/// The results the handlers and the pipeline answer with, all written with <see cref="ApiJson.Options"/>
/// whatever the host's own JSON settings, so both hosts send the same bytes. Errors carry a
/// stable code and a message.
/// </summary>
public static class ApiResults
{
    /// <summary>200 with a JSON body.</summary>
    public static IResult Ok(object body) => TypedResults.Json(body, ApiJson.Options);

    /// <summary>A stored document or report sent as it is.</summary>
    public static IResult File(Stream content, string contentType) => TypedResults.Stream(content, contentType);

    /// <summary>Bytes already serialized (a document in its published form).</summary>
    public static IResult Bytes(byte[] content, string contentType) => TypedResults.Bytes(content, contentType);

    /// <summary>An error with a stable code.</summary>
    public static IResult Error(int statusCode, string code, string message) => TypedResults.Json(new ApiError(code, message), ApiJson.Options, statusCode: statusCode);

    /// <summary>401: no authenticated caller.</summary>
    public static IResult Unauthenticated() => Error(StatusCodes.Status401Unauthorized, "unauthenticated", "Sign in to use the registry API.");

    /// <summary>403: the caller's roles do not allow the activity.</summary>
    public static IResult Forbidden(string activity) => Error(StatusCodes.Status403Forbidden, "forbidden", $"Your roles do not allow {activity}.");

    /// <summary>404.</summary>
    public static IResult NotFound(string what) => Error(StatusCodes.Status404NotFound, "not_found", $"{what} does not exist.");

    /// <summary>400.</summary>
    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, "bad_request", message);
}
