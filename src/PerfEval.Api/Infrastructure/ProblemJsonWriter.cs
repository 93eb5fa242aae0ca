using Microsoft.Extensions.Options;

namespace PerfEval.Api.Infrastructure;

/// <summary>
/// Writes every problem as application/problem+json, whatever the request's Accept says: the
/// framework's writer declines a client that accepts only XML, HTML or text, and the error then
/// went out empty (or, in Development, as a stack trace page). Fills what a bare status code
/// leaves out (type, title, detail in the request's language), the instance and the traceId.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ??= http.Response.StatusCode;
        problem.Type ??= ProblemDetailsMapping.TypeOf(status);
        problem.Title ??= ProblemTexts.TitleOf(status);
        problem.Detail ??= ProblemTexts.DetailOf(status);
        problem.Instance ??= http.Request.Path;
        problem.Extensions["traceId"] = http.TraceIdentifier;
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, json.Value.SerializerOptions.GetTypeInfo(problem.GetType()), ContentType, http.RequestAborted));
    }
}
