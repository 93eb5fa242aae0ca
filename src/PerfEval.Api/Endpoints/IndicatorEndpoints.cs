using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Indicators;

namespace PerfEval.Api.Endpoints;

internal static class IndicatorEndpoints
{
    public static RouteGroupBuilder MapIndicators(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/departments/{code}/evaluations/{year:int}/indicators").WithTags("Indicators");

        group.MapGet("/", (IMediator mediator, string code, int year, [AsParameters] IndicatorFilter filter, CancellationToken ct) =>
                mediator.Send(new ListIndicators(code, year, QueryEnum.Parse<IndicatorCategory>(filter.Category, "category"), QueryEnum.Parse<IndicatorKind>(filter.Kind, "kind"), filter.Limit ?? Paging.DefaultLimit, filter.Cursor, filter.UpdatedSince), ct))
            .WithName("listIndicators").WithSummary("List performance indicators (绩效指标)")
            .RequireScope(Scopes.Read);

        group.MapPost("/", async (IMediator mediator, string code, int year, CreateIndicator body, CancellationToken ct) =>
            {
                var created = await mediator.Send(body with { DepartmentCode = code, FiscalYear = year }, ct);
                return TypedResults.Created($"/api/v1/departments/{code}/evaluations/{year}/indicators/{created.Id}", created);
            })
            .WithName("createIndicator").WithSummary("Add a performance indicator")
            .RequireScope(Scopes.DataWrite);

        group.MapGet("/{id:long}", (IMediator mediator, string code, int year, long id, CancellationToken ct) =>
                mediator.Send(new GetIndicator(code, year, id), ct))
            .WithName("getIndicator").WithSummary("Get a performance indicator")
            .RequireScope(Scopes.Read);

        group.MapPut("/{id:long}", (IMediator mediator, Preconditions preconditions, HttpRequest http, string code, int year, long id, UpdateIndicator body, CancellationToken ct) =>
                mediator.Send(body with { DepartmentCode = code, FiscalYear = year, Id = id, ExpectedVersion = preconditions.ExpectedVersion(http) }, ct))
            .WithName("updateIndicator").WithSummary("Replace a performance indicator")
            .RequireScope(Scopes.DataWrite);

        group.MapDelete("/{id:long}", async (IMediator mediator, Preconditions preconditions, HttpRequest http, string code, int year, long id, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteIndicator(code, year, id) { ExpectedVersion = preconditions.ExpectedVersion(http) }, ct);
                return TypedResults.NoContent();
            })
            .WithName("deleteIndicator").WithSummary("Delete a performance indicator")
            .RequireScope(Scopes.DataWrite);

        return api;
    }

    internal sealed record IndicatorFilter(string? Category, string? Kind, int? Limit, string? Cursor, DateTimeOffset? UpdatedSince);
}
