using MediatR;
using PerfEval.Api.Security;
using PerfEval.Application.Audit;
using PerfEval.Api.OpenApi;
using PerfEval.Api.Endpoints.Examples;

namespace PerfEval.Api.Endpoints;

internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit-events", (IMediator mediator, [AsParameters] ListAuditEvents query, CancellationToken ct) => mediator.Send(query, ct))
            .WithTags("Audit").WithName("listAuditEvents")
            .WithSummary("审计日志 List audit events")
            .WithDescription("""
                The audit log of every write, newest first, keyset-paged: who (client), when, under which request id (traceId), which command, about what, and what it sent.
                """)
            .WithParameter("clientName", "Only writes of this client, e.g. `demo-pusher`.")
            .WithParameter("action", "Only this command, e.g. `SaveEvaluation`, `PushBudgetAdjustments`, `UpdateDepartment`.")
            .WithParameter("from", "Only writes at or after this time, e.g. `2024-07-01T00:00:00+08:00`.")
            .WithParameter("to", "Only writes before this time, e.g. `2025-01-01T00:00:00+08:00`.")
            .WithResponseDescription("A page of the audit log.")
            .WithExample("push", "The demo pusher's adjustment", response: AuditExamples.ListAuditEventsPush,
                notOnDemoData: "A push is written by a client; on the demo data only the loader has written (its own evaluations).")
            .RequireScope(Scopes.Admin);
        return api;
    }
}
