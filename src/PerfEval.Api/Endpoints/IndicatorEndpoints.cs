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
                mediator.Send(new ListIndicators(code, year, filter.Category, filter.Kind, filter.Limit ?? Paging.DefaultLimit, filter.Cursor), ct))
            .WithName("listIndicators").WithSummary("List performance indicators (绩效指标)");

        group.MapPost("/", async (IMediator mediator, string code, int year, CreateIndicator body, CancellationToken ct) =>
            {
                var created = await mediator.Send(body with { DepartmentCode = code, FiscalYear = year }, ct);
                return TypedResults.Created($"/api/v1/departments/{code}/evaluations/{year}/indicators/{created.Id}", created);
            })
            .WithName("createIndicator").WithSummary("Add a performance indicator");

        group.MapGet("/{id:long}", (IMediator mediator, string code, int year, long id, CancellationToken ct) =>
                mediator.Send(new GetIndicator(code, year, id), ct))
            .WithName("getIndicator").WithSummary("Get a performance indicator");

        group.MapPut("/{id:long}", (IMediator mediator, string code, int year, long id, UpdateIndicator body, CancellationToken ct) =>
                mediator.Send(body with { DepartmentCode = code, FiscalYear = year, Id = id }, ct))
            .WithName("updateIndicator").WithSummary("Replace a performance indicator");

        group.MapDelete("/{id:long}", async (IMediator mediator, string code, int year, long id, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteIndicator(code, year, id), ct);
                return TypedResults.NoContent();
            })
            .WithName("deleteIndicator").WithSummary("Delete a performance indicator");

        return api;
    }

    internal sealed record IndicatorFilter(IndicatorCategory? Category, IndicatorKind? Kind, int? Limit, string? Cursor);
}
