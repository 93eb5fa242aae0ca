using MediatR;
using PerfEval.Api.Security;
using PerfEval.Application.Changes;

namespace PerfEval.Api.Endpoints;

internal static class ChangeEndpoints
{
    public static RouteGroupBuilder MapChanges(this RouteGroupBuilder api)
    {
        api.MapGet("/changes", (IMediator mediator, string? after, string? entityType, int? limit, CancellationToken ct) =>
                mediator.Send(new ListChanges(after, entityType, limit ?? 500), ct))
            .WithTags("Changes").WithName("listChanges").WithSummary("The change feed, in commit order: resume from nextCursor")
            .RequireScope(Scopes.Read);
        return api;
    }
}
