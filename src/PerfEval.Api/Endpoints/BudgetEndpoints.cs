using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using MediatR;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;

namespace PerfEval.Api.Endpoints;

internal static class BudgetEndpoints
{
    public static RouteGroupBuilder MapBudgets(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/departments/{code}/budgets/{year:int}").WithTags("Budgets");

        group.MapGet("/", (IMediator mediator, string code, int year, CancellationToken ct) => mediator.Send(new GetBudgetSummary(code, year), ct))
            .WithName("getBudgetSummary").WithSummary("Budget summary of a department-year, with adjustment and execution rates")
            .RequireScope(Scopes.Read);

        group.MapGet("/lines", (IMediator mediator, string code, int year, [AsParameters] LineFilter filter, CancellationToken ct) =>
                mediator.Send(new ListBudgetLines(code, year, QueryEnum.Parse<ExpenditureClass>(filter.ExpenditureClass, "expenditureClass"), QueryEnum.Parse<FundingSource>(filter.FundingSource, "fundingSource"), filter.ProjectId, filter.Limit ?? Paging.DefaultLimit, filter.Cursor, filter.UpdatedSince), ct))
            .WithName("listBudgetLines").WithSummary("List budget lines")
            .RequireScope(Scopes.Read);

        group.MapPost("/lines", async (IMediator mediator, string code, int year, CreateBudgetLine body, CancellationToken ct) =>
            {
                var created = await mediator.Send(body with { DepartmentCode = code, FiscalYear = year }, ct);
                return TypedResults.Created($"/api/v1/departments/{code}/budgets/{year}/lines/{created.Id}", created);
            })
            .WithName("createBudgetLine").WithSummary("Add a budget line")
            .RequireScope(Scopes.DataWrite);

        group.MapGet("/lines/{lineId:long}", (IMediator mediator, string code, int year, long lineId, CancellationToken ct) =>
                mediator.Send(new GetBudgetLine(code, year, lineId), ct))
            .WithName("getBudgetLine").WithSummary("Get a budget line")
            .RequireScope(Scopes.Read);

        group.MapPut("/lines/{lineId:long}", (IMediator mediator, Preconditions preconditions, HttpRequest http, string code, int year, long lineId, UpdateBudgetLine body, CancellationToken ct) =>
                mediator.Send(body with { DepartmentCode = code, FiscalYear = year, Id = lineId, ExpectedVersion = preconditions.ExpectedVersion(http) }, ct))
            .WithName("updateBudgetLine").WithSummary("Replace a budget line's amounts")
            .RequireScope(Scopes.DataWrite);

        return api;
    }

    internal sealed record LineFilter(string? ExpenditureClass, string? FundingSource, long? ProjectId, int? Limit, string? Cursor, DateTimeOffset? UpdatedSince);
}
