using Microsoft.AspNetCore.Mvc;

namespace PerfEval.Api.OpenApi;

/// <summary>A named example: a one-line summary and the problem the service answers with, written with its JSON options.</summary>
internal sealed record Example(string Summary, ProblemDetails Problem);

/// <summary>One shared problem response: its component name, status, meaning and examples.</summary>
internal sealed record ProblemResponse(string Name, int Status, string Description, bool Validation, bool RetryAfter, IReadOnlyDictionary<string, Example> Examples);

/// <summary>
/// Every problem the service answers with (Infrastructure/ProblemDetailsMapping, the security
/// middleware, the rate limiter), as components the operations refer to. Examples are real
/// answers of the service on the demo data, as a client sending Accept-Language: en gets them
/// (titles and details are Chinese by default).
/// </summary>
internal static class ProblemCatalog
{
    public const string NotModified = "NotModified";

    public static readonly IReadOnlyList<ProblemResponse> All =
    [
        new("BadRequest", 400,
            "The request is not valid: `errors` names every field, query parameter or header that must change; a body that is not JSON of the right shape (wrong type, unknown or missing field) names the place in `detail`.",
            Validation: true, RetryAfter: false, new Dictionary<string, Example>
            {
                ["validation"] = new("A query parameter out of range", new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["limit"] = ["limit must be between 1 and 500."] })
                {
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                    Title = "The request is not valid",
                    Status = 400,
                    Detail = "See errors for every field that must change.",
                    Instance = "/api/v1/departments",
                    Extensions = { ["traceId"] = "0HNQ83OFMG9DB:00000001" },
                }),
                ["body"] = new("A required field missing from the body", new ProblemDetails
                {
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                    Title = "Bad request",
                    Status = 400,
                    Detail = "Required fields are missing at $: 'region'.",
                    Instance = "/api/v1/departments",
                    Extensions = { ["traceId"] = "0HNQ83OFMG9DE:00000001" },
                }),
            }),
        new("Unauthorized", 401,
            "No valid credentials: send an API key in X-Api-Key (or, where configured, a bearer token).",
            Validation: false, RetryAfter: false, new Dictionary<string, Example>
            {
                ["noKey"] = new("No X-Api-Key header", new ProblemDetails
                {
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
                    Title = "Unauthorized",
                    Status = 401,
                    Detail = "Send a valid API key in X-Api-Key, or a valid bearer token.",
                    Instance = "/api/v1/departments/GXQ-GYYQ",
                    Extensions = { ["traceId"] = "0HNQ83O4DE0A4:00000001" },
                }),
            }),
        new("Forbidden", 403,
            "The client lacks this operation's scope, or may not write this department's data (a client limited to some regions or departments).",
            Validation: false, RetryAfter: false, new Dictionary<string, Example>
            {
                ["scope"] = new("demo-reader-key (perf.read only) tries to write", new ProblemDetails
                {
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
                    Title = "Forbidden",
                    Status = 403,
                    Detail = "This client does not have the scope this operation needs.",
                    Instance = "/api/v1/departments",
                    Extensions = { ["traceId"] = "0HNQ83OFMG9DD:00000001" },
                }),
            }),
        new("NotFound", 404,
            "A resource the request names does not exist (or lies outside the regions or departments the client may see).",
            Validation: false, RetryAfter: false, new Dictionary<string, Example>
            {
                ["department"] = new("Unknown department code", new ProblemDetails
                {
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
                    Title = "Not found",
                    Status = 404,
                    Detail = "Department 'NOPE' was not found.",
                    Instance = "/api/v1/departments/NOPE",
                    Extensions = { ["traceId"] = "0HNQ83OFMG9DA:00000001" },
                }),
            }),
        new("Conflict", 409,
            "The request conflicts with the data: the fiscal year is closed (its data no longer change), the resource already exists, a source item was already recorded (`errors` by item), or a request with the same Idempotency-Key is still running.",
            Validation: true, RetryAfter: false, new Dictionary<string, Example>
            {
                ["exists"] = new("The department already exists", new ProblemDetails
                {
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
                    Title = "Conflict",
                    Status = 409,
                    Detail = "Department 'GXQ-SWJ' already exists.",
                    Instance = "/api/v1/departments",
                    Extensions = { ["traceId"] = "0HNQ83OFMG9DF:00000001" },
                }),
                ["closed"] = new("The fiscal year is closed", new ProblemDetails
                {
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
                    Title = "The fiscal year is closed",
                    Status = 409,
                    Detail = "Fiscal year 2024 is closed; its data can no longer change.",
                    Instance = "/api/v1/departments/GXQ-GYYQ/budgets/2024/lines/1",
                    Extensions = { ["traceId"] = "0HNQ83OFMG9E2:00000001" },
                }),
            }),
        new("PreconditionFailed", 412,
            "If-Match names a version the resource has moved on from: read it again (GET) and re-apply the change.",
            Validation: false, RetryAfter: false, new Dictionary<string, Example>
            {
                ["stale"] = new("A stale If-Match", new ProblemDetails
                {
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.5.13",
                    Title = "Precondition failed",
                    Status = 412,
                    Detail = "Department 'GXQ-SWJ' is no longer at version 7: read it again and re-apply the change.",
                    Instance = "/api/v1/departments/GXQ-SWJ",
                    Extensions = { ["traceId"] = "0HNQ83OFMG9D9:00000001" },
                }),
            }),
        new("PayloadTooLarge", 413,
            "The body is larger than the endpoint accepts (1 MiB by default; 8 MiB for the adjustment push).",
            Validation: false, RetryAfter: false, new Dictionary<string, Example>
            {
                ["tooLarge"] = new("A body over the limit", new ProblemDetails
                {
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.5.14",
                    Title = "Payload too large",
                    Status = 413,
                    Detail = "The request body is larger than this endpoint accepts.",
                    Instance = "/api/v1/departments",
                    Extensions = { ["traceId"] = "0HNQ83OFMG9E3:00000001" },
                }),
            }),
        new("UnsupportedMediaType", 415,
            "The body is not sent as application/json.",
            Validation: false, RetryAfter: false, new Dictionary<string, Example>
            {
                ["notJson"] = new("Content-Type: text/plain", new ProblemDetails
                {
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.5.16",
                    Title = "Unsupported media type",
                    Status = 415,
                    Detail = "Send the body as application/json.",
                    Instance = "/api/v1/departments",
                    Extensions = { ["traceId"] = "0HNQ83OFMG9DC:00000001" },
                }),
            }),
        new("UnprocessableEntity", 422,
            "The request is well-formed but breaks a business rule; `errors` names every field or batch item (`adjustments[3]`) concerned. Nothing was changed.",
            Validation: true, RetryAfter: false, new Dictionary<string, Example>
            {
                ["batch"] = new("Two adjustments of a batch cannot be applied", new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["adjustments[0]"] = ["The line's adjusted amount would fall to -99785299.00, below the 164700.00 already executed."], ["adjustments[1]"] = ["Department 'NOPE' does not exist."] })
                {
                    Title = "The request breaks a business rule",
                    Status = 422,
                    Detail = "2 of 2 adjustments cannot be applied; nothing was recorded.",
                    Instance = "/api/v1/budget-adjustments",
                    Extensions = { ["traceId"] = "0HNQ83OFMG9D4:00000001" },
                }),
            }),
        new("PreconditionRequired", 428,
            "The write carries no If-Match: send the ETag of the version you read (GET the resource first).",
            Validation: false, RetryAfter: false, new Dictionary<string, Example>
            {
                ["noIfMatch"] = new("A PUT without If-Match", new ProblemDetails
                {
                    Title = "Precondition required",
                    Status = 428,
                    Detail = "Send If-Match with the ETag of the version you read (GET the resource first).",
                    Instance = "/api/v1/departments/GXQ-SWJ",
                    Extensions = { ["traceId"] = "0HNQ83OFMG9D8:00000001" },
                }),
            }),
        new("TooManyRequests", 429,
            "The client sent more requests in a minute than it may (Security:RequestsPerMinute, default 600); retry after Retry-After seconds.",
            Validation: false, RetryAfter: true, new Dictionary<string, Example>
            {
                ["rateLimited"] = new("Over the per-client limit", new ProblemDetails
                {
                    Title = "Too many requests",
                    Status = 429,
                    Detail = "This client sent more than 600 requests in a minute; retry after 60 s.",
                    Instance = "/api/v1/departments",
                    Extensions = { ["traceId"] = "0HNQ843SJMM3U:00000001" },
                }),
            }),
        new("InternalServerError", 500,
            "An unexpected failure; it was logged. Quote the traceId when reporting it.",
            Validation: false, RetryAfter: false, new Dictionary<string, Example>
            {
                ["unexpected"] = new("An unexpected failure", new ProblemDetails
                {
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
                    Title = "Internal server error",
                    Status = 500,
                    Detail = "The failure was logged; quote the traceId when reporting it.",
                    Instance = "/api/v1/departments",
                    Extensions = { ["traceId"] = "0HNQ83OFMG9E5:00000001" },
                }),
            }),
        new("ServiceUnavailable", 503,
            "The database is temporarily unavailable after retries; retry after Retry-After seconds. Nothing was changed.",
            Validation: false, RetryAfter: true, new Dictionary<string, Example>
            {
                ["database"] = new("The database does not answer", new ProblemDetails
                {
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                    Title = "Service unavailable",
                    Status = 503,
                    Detail = "The database is temporarily unavailable; retry after the time in Retry-After.",
                    Instance = "/api/v1/departments",
                    Extensions = { ["traceId"] = "0HNQ83OFMG9E6:00000001" },
                }),
            }),
    ];

    public static ProblemResponse ByStatus(int status) => All.Single(p => p.Status == status);
}
