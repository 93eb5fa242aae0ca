using MediatR;
using PerfEval.Api.Security;
using PerfEval.Application.Audit;

namespace PerfEval.Api.Endpoints;

internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit-events", (IMediator mediator, [AsParameters] ListAuditEvents query, CancellationToken ct) => mediator.Send(query, ct))
            .WithTags("Audit").WithName("listAuditEvents").WithSummary("The audit log of every write, newest first")
            .RequireScope(Scopes.Admin);
        return api;
    }
}
