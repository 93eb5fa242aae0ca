using System.Data.Common;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PerfEval.Application.Common;
using PerfEval.Application.ReportImports;
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
        if (IsUnavailable(exception))
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
            Title = ProblemTexts.Invalid.Current,
            Detail = ProblemTexts.InvalidDetail.Current,
        },
        BadHttpRequestException bad => BadRequest(bad),
        ReportFileRejectedException rejected => Rejected(rejected.Problem),
        ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, ProblemTexts.Forbidden.Current, forbidden.Message),
        PreconditionFailedException stale => Problem(StatusCodes.Status412PreconditionFailed, ProblemTexts.PreconditionFailed.Current,
            stale.Expected is { } expected
                ? ProblemTexts.PreconditionFailedDetail.Format(ResourceName(stale.Resource), stale.Key, expected)
                : ProblemTexts.AlreadyExistsDetail.Format(ResourceName(stale.Resource), stale.Key)),
        EntityTagMismatchException => Problem(StatusCodes.Status412PreconditionFailed, ProblemTexts.PreconditionFailed.Current, ProblemTexts.EvaluationETag.Current),
        PreconditionRequiredException => Problem(StatusCodes.Status428PreconditionRequired, ProblemTexts.PreconditionRequired.Current, ProblemTexts.PreconditionRequiredDetail.Current),
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, ProblemTexts.NotFound.Current, ProblemTexts.NotFoundDetail.Format(ResourceName(notFound.Resource), notFound.Key)),
        FiscalYearClosedException closed => Problem(StatusCodes.Status409Conflict, ProblemTexts.YearClosed.Current, ProblemTexts.YearClosedDetail.Format(closed.Year)),
        ConflictException { Errors: { } errors } conflict => new HttpValidationProblemDetails(errors.ToDictionary(e => JsonName(e.Key), e => e.Value))
        {
            Status = StatusCodes.Status409Conflict,
            Type = TypeOf(StatusCodes.Status409Conflict),
            Title = ProblemTexts.Conflict.Current,
            Detail = conflict.Message,
        },
        ConflictException conflict => Problem(StatusCodes.Status409Conflict, ProblemTexts.Conflict.Current, conflict.Message),
        DbException db when UniqueViolation.Is(db) => Problem(StatusCodes.Status409Conflict, ProblemTexts.Conflict.Current, ProblemTexts.AlreadyExists.Current),
        BusinessRuleException rule => new HttpValidationProblemDetails(rule.Errors.ToDictionary(e => JsonName(e.Key), e => e.Value))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Type = TypeOf(StatusCodes.Status422UnprocessableEntity),
            Title = ProblemTexts.BusinessRule.Current,
            Detail = rule.Message,
        },
        DatabaseUnavailableException unavailable => Problem(StatusCodes.Status503ServiceUnavailable, ProblemTexts.TitleOf(503)!,
            StorageFaults.IsStorageFault(unavailable.InnerException) ? ProblemTexts.StorageUnavailable.Current : ProblemTexts.Unavailable.Current),
        _ when StorageFaults.IsStorageFault(exception) => Problem(StatusCodes.Status503ServiceUnavailable, ProblemTexts.TitleOf(503)!, ProblemTexts.StorageUnavailable.Current),
        OperationCanceledException when context.RequestAborted.IsCancellationRequested => Problem(499, ProblemTexts.TitleOf(499)!, null),
        _ => Problem(StatusCodes.Status500InternalServerError, ProblemTexts.TitleOf(500)!, ProblemTexts.Unexpected.Current),
    };

    /// <summary>Answers 503 with Retry-After: the database is down, busy past the retries, or its storage cannot take writes.</summary>
    public static bool IsUnavailable(Exception exception) => exception is DatabaseUnavailableException || StorageFaults.IsStorageFault(exception);

    /// <summary>The resource's name as the message's language says it.</summary>
    private static string ResourceName(string resource) => !LocalText.EnglishWanted && ResourceNames.TryGetValue(resource, out var chinese) ? chinese : resource;

    private static readonly Dictionary<string, string> ResourceNames = new(StringComparer.Ordinal)
    {
        ["Department"] = "部门",
        ["Fiscal year"] = "财政年度",
        ["Project"] = "项目",
        ["Budget line"] = "预算行",
        ["Budget adjustment"] = "预算调整",
        ["Indicator"] = "绩效指标",
        ["Scoring scheme"] = "评分方案",
        ["Evaluation"] = "自评",
        ["Report import"] = "报告导入",
        ["Monitoring round"] = "监控轮次",
    };

    private static ProblemDetails BadRequest(BadHttpRequestException bad)
    {
        var detail = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ProblemTexts.PayloadTooLarge.Current,
            StatusCodes.Status415UnsupportedMediaType => ProblemTexts.UnsupportedMediaType.Current,
            _ => bad.InnerException is JsonException json
                ? JsonDetail(json)
                : ProblemTexts.Unreadable.Current,
        };
        return Problem(bad.StatusCode, ProblemTexts.TitleOf(bad.StatusCode) ?? ProblemTexts.BadRequest.Current, detail);
    }

    /// <summary>A report file refused by the readers: 415 for the wrong type, 413 past a limit, 422 for a file that reads as no report.</summary>
    private static ProblemDetails Rejected(ReportFileProblem problem)
    {
        var (status, detail) = problem switch
        {
            ReportFileProblem.UnsupportedType => (StatusCodes.Status415UnsupportedMediaType, ProblemTexts.ReportUnsupportedType),
            ReportFileProblem.TooLarge => (StatusCodes.Status413PayloadTooLarge, ProblemTexts.ReportTooLarge),
            ReportFileProblem.InflatesTooFar => (StatusCodes.Status413PayloadTooLarge, ProblemTexts.ReportInflatesTooFar),
            ReportFileProblem.TooManyPages => (StatusCodes.Status413PayloadTooLarge, ProblemTexts.ReportTooManyPages),
            ReportFileProblem.TooMuchText => (StatusCodes.Status413PayloadTooLarge, ProblemTexts.ReportTooMuchText),
            ReportFileProblem.Encrypted => (StatusCodes.Status422UnprocessableEntity, ProblemTexts.ReportEncrypted),
            ReportFileProblem.Malformed => (StatusCodes.Status422UnprocessableEntity, ProblemTexts.ReportMalformed),
            _ => (StatusCodes.Status422UnprocessableEntity, ProblemTexts.ReportNotAReport),
        };
        return Problem(status, ProblemTexts.TitleOf(status)!, detail.Current);
    }

    /// <summary>Names the place and, for missing fields, the fields, without the serializer's type names.</summary>
    private static string JsonDetail(JsonException json)
    {
        var missing = System.Text.RegularExpressions.Regex.Match(json.Message, "missing required properties including: (?<names>('[^']+'(, )?)+)");
        if (missing.Success)
        {
            return ProblemTexts.MissingFields.Format(json.Path ?? "$", missing.Groups["names"].Value);
        }

        return ProblemTexts.BadJson.Format(json.Path ?? "$", (json.LineNumber ?? 0) + 1);
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
