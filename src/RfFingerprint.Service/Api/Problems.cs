using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace RfFingerprint.Service.Api;

/// <summary>Problem-details results (RFC 9457) with the fields every handler fills the same way.</summary>
internal static class Problems
{
    public static NotFound<ProblemDetails> NotFound(string detail) =>
        TypedResults.NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = detail });

    public static Conflict<ProblemDetails> Conflict(string detail) =>
        TypedResults.Conflict(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = detail });

    public static BadRequest<ProblemDetails> BadRequest(string detail) =>
        TypedResults.BadRequest(new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Bad request", Detail = detail });

    public static ProblemHttpResult Status(int statusCode, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: statusCode, title: title);
}
