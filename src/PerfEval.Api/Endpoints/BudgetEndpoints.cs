using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using MediatR;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Api.OpenApi;
using PerfEval.Api.Endpoints.Examples;

namespace PerfEval.Api.Endpoints;

internal static class BudgetEndpoints
{
    public static RouteGroupBuilder MapBudgets(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/departments/{code}/budgets/{year:int}").WithTags("Budgets");

        group.MapGet("/", (IMediator mediator, string code, int year, CancellationToken ct) => mediator.Send(new GetBudgetSummary(code, year), ct))
            .WithName("getBudgetSummary")
            .WithSummary("预算汇总 Budget summary")
            .WithDescription("""
                The budget of a department-year: initial budget (年初预算数), adjustments (年中调增/调减),
                adjusted budget (调整后全年预算数), executed amount (执行数), adjustment rate (预算调整率 =
                adjustments / initial × 100) and execution rate (预算执行率 = executed / adjusted × 100),
                overall, per expenditure class (人员经费, 公用经费, 基本支出, 项目支出) and per funding source
                (上级资金, 本级资金, 其他资金). Amounts in yuan (元); rates in percent, 2 decimals, 四舍五入; a
                rate whose base is 0 is null.
                """)
            .WithResponseDescription("The budget summary.")
            .WithExample("gyyq", "工业园区管理办公室 2024: adjusted 3861.55 万元, execution rate 94.82 %", response: BudgetsExamples.GetBudgetSummaryGyyq)
            .RequireScope(Scopes.Read);

        group.MapGet("/lines", (IMediator mediator, string code, int year, [AsParameters] LineFilter filter, CancellationToken ct) =>
                mediator.Send(new ListBudgetLines(code, year, QueryEnum.Parse<ExpenditureClass>(filter.ExpenditureClass, "expenditureClass"), QueryEnum.Parse<FundingSource>(filter.FundingSource, "fundingSource"), filter.ProjectId, filter.Limit ?? Paging.DefaultLimit, filter.Cursor, filter.UpdatedSince), ct))
            .WithName("listBudgetLines")
            .WithSummary("预算明细列表 List budget lines")
            .WithDescription("""
                The budget lines of a department-year in id order, keyset-paged: one per expenditure class and
                funding source (and project, for project spending). Each line's adjusted amount is derived from
                the append-only adjustment ledger.
                """)
            .WithParameter("expenditureClass", "Only lines of this expenditure class, e.g. `personnel`.", enumType: typeof(ExpenditureClass))
            .WithParameter("fundingSource", "Only lines of this funding source, e.g. `superior`.", enumType: typeof(FundingSource))
            .WithParameter("projectId", "Only the lines of this project, e.g. `2`.")
            .WithResponseDescription("A page of budget lines.")
            .WithExample("gyyq", "工业园区管理办公室 2024, first line", response: BudgetsExamples.ListBudgetLinesGyyq)
            .RequireScope(Scopes.Read);

        group.MapPost("/lines", async (IMediator mediator, string code, int year, CreateBudgetLine body, CancellationToken ct) =>
            {
                var created = await mediator.Send(body with { DepartmentCode = code, FiscalYear = year }, ct);
                return TypedResults.Created($"/api/v1/departments/{code}/budgets/{year}/lines/{created.Id}", created);
            })
            .WithName("createBudgetLine")
            .WithSummary("新增预算明细 Add a budget line")
            .WithDescription("""
                Adds a budget line to a department-year: expenditure class (支出分类), funding source (资金来源),
                for a project line its project, the initial budget (年初预算数) and executed amount (执行数) in
                yuan. Class + source + project is unique per department-year (409). Adjustments are not set
                here: they are pushed to the ledger (POST /budget-adjustments). The year must not be closed.
                """)
            .WithResponseDescription("Created: the line as stored; Location names it.")
            .WithExample("other", "Operating funds from other sources for 工业园区管理办公室 2024", request: BudgetsExamples.CreateBudgetLineOtherRequest, responseSummary: "Created", response: BudgetsExamples.CreateBudgetLineOther)
            .RequireScope(Scopes.DataWrite);

        group.MapGet("/lines/{lineId:long}", (IMediator mediator, string code, int year, long lineId, CancellationToken ct) =>
                mediator.Send(new GetBudgetLine(code, year, lineId), ct))
            .WithName("getBudgetLine")
            .WithSummary("预算明细详情 Get a budget line")
            .WithDescription("""
                One budget line of a department-year, with its adjustment total and adjusted amount.
                """)
            .WithParameter("lineId", "Id of the budget line.", example: 1)
            .WithResponseDescription("The budget line.")
            .WithExample("gyyq", "Personnel, superior funds", response: BudgetsExamples.GetBudgetLineGyyq)
            .RequireScope(Scopes.Read);

        group.MapPut("/lines/{lineId:long}", (IMediator mediator, Preconditions preconditions, HttpRequest http, string code, int year, long lineId, UpdateBudgetLine body, CancellationToken ct) =>
                mediator.Send(body with { DepartmentCode = code, FiscalYear = year, Id = lineId, ExpectedVersion = preconditions.ExpectedVersion(http) }, ct))
            .WithName("updateBudgetLine")
            .WithSummary("修改预算明细 Replace a budget line")
            .WithDescription("""
                Replaces a line's class, source, project, initial budget and executed amount; its adjustments
                stay in the ledger (adjustmentTotal is unchanged). Needs If-Match; the year must not be closed.
                """)
            .WithParameter("lineId", "Id of the budget line.", example: 1)
            .WithResponseDescription("The line as stored, with its new version.")
            .WithExample("executed", "Correct the executed amount", request: BudgetsExamples.UpdateBudgetLineExecutedRequest, responseSummary: "Updated", response: BudgetsExamples.UpdateBudgetLineExecuted)
            .RequireScope(Scopes.DataWrite);

        return api;
    }

    internal sealed record LineFilter(string? ExpenditureClass, string? FundingSource, long? ProjectId, int? Limit, string? Cursor, DateTimeOffset? UpdatedSince);
}
