using System.Text.Json;
using PerfEval.Application.Common;

namespace PerfEval.Api.Infrastructure;

/// <summary>
/// A refusal as the client reads it, for an idempotent command to store with its key: the problem
/// <see cref="ProblemDetailsMapping"/> maps it to, with this request's instance and traceId. The
/// command answers with these very bytes, so the first answer and every replay are the same.
/// </summary>
internal sealed class RefusalAnswers(IHttpContextAccessor accessor) : IRefusalAnswers
{
    public (int Status, string Body) AnswerTo(Exception refusal)
    {
        var http = accessor.HttpContext ?? throw new InvalidOperationException("A refusal is answered within its HTTP request.");
        var problem = ProblemDetailsMapping.Map(refusal, http);
        problem.Instance = http.Request.Path;
        problem.Extensions["traceId"] = http.TraceIdentifier;
        return (problem.Status!.Value, JsonSerializer.Serialize(problem, problem.GetType(), JsonText.Options));
    }
}
