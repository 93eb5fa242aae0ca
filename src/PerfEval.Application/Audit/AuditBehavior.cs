using System.Text.Json;
using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.Audit;

/// <summary>
/// A command whose audit record is a summary rather than its whole request: a batch whose every
/// item the ledger already keeps, with its client and time.
/// </summary>
public interface ISummarizedInAudit<in TResponse>
{
    object AuditSummary(TResponse response);
}

/// <summary>
/// Records every successful command in the audit log, in the same transaction as the change, so a
/// write and its audit record commit or vanish together.
/// </summary>
internal sealed class AuditBehavior<TRequest, TResponse>(IRequestContext context, DbSession db, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    private const string InsertSql = """
        INSERT INTO audit_events (occurred_at, client_name, request_id, action, entity_key, changes)
        VALUES (@OccurredAt, @ClientName, @RequestId, @Action, @EntityKey, @Changes)
        """;

    private static readonly bool IsAudited = !typeof(IBookkeeping).IsAssignableFrom(typeof(TRequest))
        && typeof(TRequest).GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (IsAudited)
        {
            await db.ExecuteAsync(InsertSql, new
            {
                OccurredAt = clock.GetUtcNow(),
                context.ClientName,
                context.RequestId,
                Action = typeof(TRequest).Name,
                EntityKey = EntityKey(request, response),
                Changes = request is ISummarizedInAudit<TResponse> summarized
                    ? JsonSerializer.Serialize(summarized.AuditSummary(response), JsonText.Options)
                    : JsonSerializer.Serialize(request, JsonText.Options),
            }, cancellationToken);
        }

        return response;
    }

    /// <summary>What the write was about: "department/id" (or the department alone), else the route's key or the created resource's id.</summary>
    private static string? EntityKey(TRequest request, TResponse response)
    {
        var id = response?.GetType().GetProperty("Id")?.GetValue(response)
            ?? request?.GetType().GetProperty("Id")?.GetValue(request)
            ?? request?.GetType().GetProperty("Year")?.GetValue(request);
        // The department leads the key, so a client limited to departments sees its own events (ListAuditEvents).
        var department = (request as IDepartmentRequest)?.DepartmentCode ?? (response as IDepartmentOwned)?.DepartmentCode;
        return (department, id) switch
        {
            (null, null) => null,
            (null, _) => Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture),
            (_, null) => department,
            _ => $"{department}/{Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture)}",
        };
    }
}
