using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using MediatR;
using PerfEval.Application.ScoringSchemes;
using PerfEval.Api.OpenApi;
using PerfEval.Api.Endpoints.Examples;

namespace PerfEval.Api.Endpoints;

internal static class ScoringSchemeEndpoints
{
    public static RouteGroupBuilder MapScoringSchemes(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/scoring-schemes").WithTags("Scoring");

        group.MapGet("/", (IMediator mediator, [AsParameters] ListScoringSchemes query, CancellationToken ct) => mediator.Send(query, ct))
            .WithName("listScoringSchemes")
            .WithSummary("评分方案列表 List scoring schemes")
            .WithDescription("""
                Scoring schemes (评分方案) in id order, keyset-paged, optionally one code's versions; each with the years that use it and whether a closed year locks it.
                """)
            .WithParameter("code", "Only the versions of this scheme code, e.g. `default`.")
            .WithResponseDescription("A page of scoring schemes.")
            .WithExample("default", "The default scheme of 财预〔2020〕10号", response: ScoringExamples.ListScoringSchemesDefault)
            .RequireScope(Scopes.Read);

        group.MapPost("/", async (IMediator mediator, CreateScoringScheme body, CancellationToken ct) =>
            {
                var created = await mediator.Send(body, ct);
                return TypedResults.Created($"/api/v1/scoring-schemes/{created.Id}", created);
            })
            .WithName("createScoringScheme")
            .WithSummary("新增评分方案 Create a scoring scheme")
            .WithDescription("""
                Creates a scoring scheme (评分方案), or the next version of an existing code: every number the rules
                use (execution weight, expected weight total, over-achievement and target-too-low thresholds,
                qualitative bands, grade bands, display decimals, rounding mode). A scheme a closed year uses
                changes only this way. Point a fiscal year at it with PATCH /fiscal-years/{year}.
                """)
            .WithResponseDescription("Created: the scheme; Location names it.")
            .WithExample("province", "A provincial variant: execution weight 20", request: ScoringExamples.CreateScoringSchemeProvinceRequest, responseSummary: "Created as version 1", response: ScoringExamples.CreateScoringSchemeProvince)
            .RequireScope(Scopes.Admin);

        group.MapGet("/{id:long}", (IMediator mediator, long id, CancellationToken ct) => mediator.Send(new GetScoringScheme(id), ct))
            .WithName("getScoringScheme")
            .WithSummary("评分方案详情 Get a scoring scheme")
            .WithDescription("""
                One scoring scheme (评分方案) with its settings, the years that use it and whether it is locked. The ETag is its version.
                """)
            .WithParameter("id", "Id of the scoring scheme.", example: 1)
            .WithResponseDescription("The scoring scheme.")
            .WithExample("default", "The default scheme", response: ScoringExamples.GetScoringSchemeDefault)
            .RequireScope(Scopes.Read);

        group.MapPut("/{id:long}", (IMediator mediator, Preconditions preconditions, HttpRequest http, long id, UpdateScoringScheme body, CancellationToken ct) =>
                mediator.Send(body with { Id = id, ExpectedVersion = preconditions.ExpectedVersion(http) }, ct))
            .WithName("updateScoringScheme")
            .WithSummary("修改评分方案 Change a scoring scheme")
            .WithDescription("""
                Replaces a scheme's name, description and settings. Refused with 409 once a closed year uses it
                (closed years' scorecards must stay reproducible): create the next version instead. Scorecards of
                the years using it change on their next read. Needs If-Match.
                """)
            .WithParameter("id", "Id of the scoring scheme.", example: 1)
            .WithResponseDescription("The scheme as stored, with its new version.")
            .WithExample("default", "Rename the default scheme", request: ScoringExamples.UpdateScoringSchemeDefaultRequest, responseSummary: "Updated", response: ScoringExamples.UpdateScoringSchemeDefault)
            .RequireScope(Scopes.Admin);

        return api;
    }
}
