using MediatR;
using PerfEval.Api.Security;
using PerfEval.Application.Changes;
using PerfEval.Api.OpenApi;
using PerfEval.Api.Endpoints.Examples;

namespace PerfEval.Api.Endpoints;

internal static class ChangeEndpoints
{
    public static RouteGroupBuilder MapChanges(this RouteGroupBuilder api)
    {
        api.MapGet("/changes", (IMediator mediator, string? after, string? entityType, int? limit, CancellationToken ct) =>
                mediator.Send(new ListChanges(after, entityType, limit ?? 500), ct))
            .WithTags("Changes").WithName("listChanges")
            .WithSummary("变更流 Change feed")
            .WithDescription("""
                The change feed: every committed change (department, fiscal year, budget line, adjustment,
                project, indicator, evaluation, scoring scheme) in commit order. Store `nextCursor` and pass it
                back as `after`: a consumer sees every change exactly once, even while writes commit
                concurrently. `nextCursor` is always set, also when nothing new has come.
                """)
            .WithParameter("after", "Resume after this cursor (a previous page's `nextCursor`); omit to start from the beginning.")
            .WithParameter("entityType", "Only changes of this entity type: department, fiscalYear, budgetLine, budgetAdjustment, project, indicator, evaluation, scoringScheme or scorecard (a department-year's computed scorecard, key `CODE/YEAR`: it changes whenever a write changes one of its figures or findings).", values: ["department", "fiscalYear", "budgetLine", "budgetAdjustment", "project", "indicator", "evaluation", "scoringScheme", "scorecard"])
            .WithParameter("limit", "Page size, 1–1000 (default 500).", example: 500, minimum: 1, maximum: 1000, @default: 500)
            .WithResponseDescription("A page of the feed.")
            .WithExample("start", "The first changes of the demo data", response: ChangesExamples.ListChangesStart)
            .RequireScope(Scopes.Read);
        return api;
    }
}
