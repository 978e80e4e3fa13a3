using Microsoft.AspNetCore.Http.HttpResults;

namespace RfFingerprint.Service.Api;

/// <summary>
/// Problem-details results (RFC 9457, <c>application/problem+json</c>) with the fields every handler fills the same way.
/// </summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail) => Status(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Conflict(string detail) => Status(StatusCodes.Status409Conflict, "Conflict", detail);

    public static ProblemHttpResult BadRequest(string detail) => Status(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static ProblemHttpResult Unavailable(string detail) => Status(StatusCodes.Status503ServiceUnavailable, "Unavailable", detail);

    public static ProblemHttpResult Status(int statusCode, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: statusCode, title: title);
}
