using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using PerfEval.Application.Common;
using MediatR;
using PerfEval.Application.FiscalYears;

namespace PerfEval.Api.Endpoints;

internal static class FiscalYearEndpoints
{
    public static RouteGroupBuilder MapFiscalYears(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/fiscal-years").WithTags("Fiscal years");

        group.MapGet("/", (IMediator mediator, string? status, int? limit, string? cursor, DateTimeOffset? updatedSince, CancellationToken ct) =>
                mediator.Send(new ListFiscalYears(QueryEnum.Parse<FiscalYearStatus>(status, "status"), limit ?? Paging.DefaultLimit, cursor, updatedSince), ct))
            .WithName("listFiscalYears").WithSummary("List fiscal years (年度)")
            .RequireScope(Scopes.Read);

        group.MapPost("/", async (IMediator mediator, CreateFiscalYear body, CancellationToken ct) =>
            {
                var created = await mediator.Send(body, ct);
                return TypedResults.Created($"/api/v1/fiscal-years/{created.Year}", created);
            })
            .WithName("createFiscalYear").WithSummary("Open a fiscal year")
            .RequireScope(Scopes.Admin);

        group.MapGet("/{year:int}", (IMediator mediator, int year, CancellationToken ct) => mediator.Send(new GetFiscalYear(year), ct))
            .WithName("getFiscalYear").WithSummary("Get a fiscal year")
            .RequireScope(Scopes.Read);

        group.MapPatch("/{year:int}", (IMediator mediator, Preconditions preconditions, HttpRequest http, int year, UpdateFiscalYear body, CancellationToken ct) =>
                mediator.Send(body with { Year = year, ExpectedVersion = preconditions.ExpectedVersion(http) }, ct))
            .WithName("updateFiscalYear").WithSummary("Move a fiscal year forward or change its scoring scheme")
            .RequireScope(Scopes.Admin);

        return api;
    }
}
