using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using MediatR;
using PerfEval.Application.ScoringSchemes;

namespace PerfEval.Api.Endpoints;

internal static class ScoringSchemeEndpoints
{
    public static RouteGroupBuilder MapScoringSchemes(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/scoring-schemes").WithTags("Scoring");

        group.MapGet("/", (IMediator mediator, [AsParameters] ListScoringSchemes query, CancellationToken ct) => mediator.Send(query, ct))
            .WithName("listScoringSchemes").WithSummary("List scoring schemes (评分方案)")
            .RequireScope(Scopes.Read);

        group.MapPost("/", async (IMediator mediator, CreateScoringScheme body, CancellationToken ct) =>
            {
                var created = await mediator.Send(body, ct);
                return TypedResults.Created($"/api/v1/scoring-schemes/{created.Id}", created);
            })
            .WithName("createScoringScheme").WithSummary("Create a scoring scheme, or the next version of one")
            .RequireScope(Scopes.Admin);

        group.MapGet("/{id:long}", (IMediator mediator, long id, CancellationToken ct) => mediator.Send(new GetScoringScheme(id), ct))
            .WithName("getScoringScheme").WithSummary("Get a scoring scheme")
            .RequireScope(Scopes.Read);

        group.MapPut("/{id:long}", (IMediator mediator, Preconditions preconditions, HttpRequest http, long id, UpdateScoringScheme body, CancellationToken ct) =>
                mediator.Send(body with { Id = id, ExpectedVersion = preconditions.ExpectedVersion(http) }, ct))
            .WithName("updateScoringScheme").WithSummary("Change a scheme no closed year uses")
            .RequireScope(Scopes.Admin);

        return api;
    }
}
