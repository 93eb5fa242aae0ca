using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Indicators;
using PerfEval.Api.OpenApi;
using PerfEval.Api.Endpoints.Examples;

namespace PerfEval.Api.Endpoints;

internal static class IndicatorEndpoints
{
    public static RouteGroupBuilder MapIndicators(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/departments/{code}/evaluations/{year:int}/indicators").WithTags("Indicators");

        group.MapGet("/", (IMediator mediator, string code, int year, [AsParameters] IndicatorFilter filter, CancellationToken ct) =>
                mediator.Send(new ListIndicators(code, year, QueryEnum.Parse<IndicatorCategory>(filter.Category, "category"), QueryEnum.Parse<IndicatorKind>(filter.Kind, "kind"), filter.Limit ?? Paging.DefaultLimit, filter.Cursor, filter.UpdatedSince), ct))
            .WithName("listIndicators")
            .WithSummary("绩效指标列表 List indicators")
            .WithDescription("""
                A department-year's performance indicators (绩效指标) in report order (序号), keyset-paged,
                filtered by level-1 category (一级指标) and kind (定量/定性).
                """)
            .WithParameter("category", "Only indicators of this level-1 category, e.g. `effect`.", enumType: typeof(IndicatorCategory))
            .WithParameter("kind", "Only quantitative (定量) or qualitative (定性) indicators, e.g. `quantitative`.", enumType: typeof(IndicatorKind))
            .WithResponseDescription("A page of indicators.")
            .WithExample("gyyq", "工业园区管理办公室 2024: 固定资产投资增长 ≥ 35000 万元 → 36142", response: IndicatorsExamples.ListIndicatorsGyyq)
            .RequireScope(Scopes.Read);

        group.MapPost("/", async (IMediator mediator, string code, int year, CreateIndicator body, CancellationToken ct) =>
            {
                var created = await mediator.Send(body with { DepartmentCode = code, FiscalYear = year }, ct);
                return TypedResults.Created($"/api/v1/departments/{code}/evaluations/{year}/indicators/{created.Id}", created);
            })
            .WithName("createIndicator")
            .WithSummary("新增绩效指标 Add an indicator")
            .WithDescription("""
                Adds a performance indicator (绩效指标). Quantitative (定量): operator (≥ atLeast, ≤ atMost, =
                equal), target (指标值) and unit, weight (分值), mid-year (年中监控完成值) and final value (本次评价
                完成值). Qualitative (定性): the evaluator's tier (达成/部分达成/未达成) and score. Also the
                deviation reason (偏差原因), improvement measure (改进措施), evidence (依据资料), a reviewer's
                deduction with its reason, and the report's own completion and score. Without a sequence it
                goes after the last one; a taken sequence is 409. The year must not be closed.
                """)
            .WithResponseDescription("Created: the indicator; Location names it.")
            .WithExample("quantitative", "固定资产投资增长 ≥ 35000 万元 (seed 000), after the last indicator", request: IndicatorsExamples.CreateIndicatorQuantitativeRequest, responseSummary: "Created as sequence 5", response: IndicatorsExamples.CreateIndicatorQuantitative)
            .RequireScope(Scopes.DataWrite);

        group.MapGet("/{id:long}", (IMediator mediator, string code, int year, long id, CancellationToken ct) =>
                mediator.Send(new GetIndicator(code, year, id), ct))
            .WithName("getIndicator")
            .WithSummary("绩效指标详情 Get an indicator")
            .WithDescription("""
                One performance indicator (绩效指标) as recorded. Its completion and score are on the scorecard.
                """)
            .WithParameter("id", "Id of the indicator.", example: 2)
            .WithResponseDescription("The indicator.")
            .WithExample("quantitative", "固定资产投资增长", response: IndicatorsExamples.GetIndicatorQuantitative)
            .RequireScope(Scopes.Read);

        group.MapPut("/{id:long}", (IMediator mediator, Preconditions preconditions, HttpRequest http, string code, int year, long id, UpdateIndicator body, CancellationToken ct) =>
                mediator.Send(body with { DepartmentCode = code, FiscalYear = year, Id = id, ExpectedVersion = preconditions.ExpectedVersion(http) }, ct))
            .WithName("updateIndicator")
            .WithSummary("修改绩效指标 Replace an indicator")
            .WithDescription("""
                Replaces every field of an indicator (send it whole); without a sequence it keeps its place. Needs If-Match; the year must not be closed.
                """)
            .WithParameter("id", "Id of the indicator.", example: 2)
            .WithResponseDescription("The indicator as stored, with its new version.")
            .WithExample("quantitative", "固定资产投资增长 as reported", request: IndicatorsExamples.UpdateIndicatorQuantitativeRequest, responseSummary: "Updated", response: IndicatorsExamples.UpdateIndicatorQuantitative)
            .RequireScope(Scopes.DataWrite);

        group.MapDelete("/{id:long}", async (IMediator mediator, Preconditions preconditions, HttpRequest http, string code, int year, long id, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteIndicator(code, year, id) { ExpectedVersion = preconditions.ExpectedVersion(http) }, ct);
                return TypedResults.NoContent();
            })
            .WithName("deleteIndicator")
            .WithSummary("删除绩效指标 Delete an indicator")
            .WithDescription("""
                Deletes an indicator. Needs If-Match; the year must not be closed. The scorecard no longer counts it (its weight total changes).
                """)
            .WithParameter("id", "Id of the indicator.", example: 2)
            .WithResponseDescription("Deleted. No body.")
            .RequireScope(Scopes.DataWrite);

        return api;
    }

    internal sealed record IndicatorFilter(string? Category, string? Kind, int? Limit, string? Cursor, DateTimeOffset? UpdatedSince);
}
