using System.Data.Common;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PerfEval.Application.Common;
using PerfEval.Infrastructure.Persistence;

namespace PerfEval.Api.Infrastructure;

/// <summary>
/// The one table from exceptions to RFC 9457 problem details, the same in every environment.
/// Details are written for the client: never a stack trace, a type name or SQL.
/// </summary>
internal sealed class ProblemDetailsMapping(IProblemDetailsService problemDetails, ILogger<ProblemDetailsMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception, context);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled failure on {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = problem.Status!.Value;
        if (exception is DatabaseUnavailableException)
        {
            context.Response.Headers.RetryAfter = "5";
        }
        else if (exception is ConflictException { RetryAfterSeconds: { } seconds })
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Map(Exception exception, HttpContext context) => exception switch
    {
        ValidationException validation => new HttpValidationProblemDetails(validation.Errors
            .GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Type = TypeOf(StatusCodes.Status400BadRequest),
            Title = "The request is not valid.",
            Detail = "See errors for every field that must change.",
        },
        BadHttpRequestException bad => BadRequest(bad),
        ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, "Forbidden.", forbidden.Message),
        PreconditionFailedException stale => Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed.", stale.Message),
        PreconditionRequiredException required => Problem(StatusCodes.Status428PreconditionRequired, "Precondition required.", required.Message),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found.", notFound.Message),
        FiscalYearClosedException closed => Problem(StatusCodes.Status409Conflict, "The fiscal year is closed.", closed.Message),
        ConflictException { Errors: { } errors } conflict => new HttpValidationProblemDetails(errors.ToDictionary(e => JsonName(e.Key), e => e.Value))
        {
            Status = StatusCodes.Status409Conflict,
            Type = TypeOf(StatusCodes.Status409Conflict),
            Title = "Conflict.",
            Detail = conflict.Message,
        },
        ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Conflict.", conflict.Message),
        DbException db when UniqueViolation.Is(db) => Problem(StatusCodes.Status409Conflict, "Conflict.", "The resource already exists, or was just created by another request."),
        BusinessRuleException rule => new HttpValidationProblemDetails(rule.Errors.ToDictionary(e => JsonName(e.Key), e => e.Value))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Type = TypeOf(StatusCodes.Status422UnprocessableEntity),
            Title = "The request breaks a business rule.",
            Detail = rule.Message,
        },
        DatabaseUnavailableException => Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable.", "The database is temporarily unavailable; retry after the time in Retry-After."),
        OperationCanceledException when context.RequestAborted.IsCancellationRequested => Problem(499, "Client closed request.", null),
        _ => Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred.", "The failure was logged; quote the traceId when reporting it."),
    };

    private static ProblemDetails BadRequest(BadHttpRequestException bad)
    {
        var detail = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "The request body is larger than this endpoint accepts.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
            _ => bad.InnerException is JsonException json
                ? JsonDetail(json)
                : "The request could not be read: check the route, query string and body.",
        };
        var title = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "Payload too large.",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported media type.",
            _ => "Bad request.",
        };
        return Problem(bad.StatusCode, title, detail);
    }

    /// <summary>Names the place and, for missing fields, the fields, without the serializer's type names.</summary>
    private static string JsonDetail(JsonException json)
    {
        var missing = System.Text.RegularExpressions.Regex.Match(json.Message, "missing required properties including: (?<names>('[^']+'(, )?)+)");
        if (missing.Success)
        {
            return $"Required fields are missing at {json.Path ?? "$"}: {missing.Groups["names"].Value}.";
        }

        return $"The body is not valid JSON for this request at {json.Path ?? "$"} (line {(json.LineNumber ?? 0) + 1}): check the value's type and that every field is one this endpoint takes.";
    }

    private static ProblemDetails Problem(int status, string title, string? detail) => new() { Status = status, Title = title, Detail = detail, Type = TypeOf(status) };

    /// <summary>The problem type: the RFC section that defines the status (also for problems the service stores and replays).</summary>
    public static string? TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        412 => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        428 => "https://tools.ietf.org/html/rfc6585#section-3",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => null,
    };

    /// <summary>"Adjustments[0].Amount" → "adjustments[0].amount": errors name fields as the JSON does.</summary>
    private static string JsonName(string propertyPath) => propertyPath.Contains('-', StringComparison.Ordinal)
        ? propertyPath // a header name, as sent
        : string.Join('.', propertyPath.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
