using MediatR;
using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using PerfEval.Application.Common;
using PerfEval.Application.Monitoring;
using PerfEval.Application.Scoring;

namespace PerfEval.Api.Endpoints;

internal static class MonitoringEndpoints
{
    public static RouteGroupBuilder MapMonitoring(this RouteGroupBuilder api)
    {
        var department = api.MapGroup("/departments/{code}/monitoring/{year:int}").WithTags("Monitoring");

        department.MapGet("/", (IMediator mediator, HttpRequest http, string code, int year, DateOnly? asOf, bool? explain, CancellationToken ct) =>
                mediator.Send(new GetDepartmentMonitoring(code, year, asOf, explain ?? false, Language.Of(http)), ct))
            .WithName("getDepartmentMonitoring")
            .WithSummary("部门绩效运行监控 Department monitoring: the latest round's lights (or the latest on or before asOf)")
            .WithDescription("时间进度、预算灯、各指标灯、目标灯与综合灯，按规则计算并由写入保持最新；explain=true 给出每盏灯的公式与输入。 Time progress, the budget light, each indicator's light, the goal light and the combined light, computed by rule and kept current by the writes; explain=true shows each light's formula and inputs.")
            .RequireScope(Scopes.Read);

        department.MapGet("/rounds", (IMediator mediator, string code, int year, int? limit, string? cursor, CancellationToken ct) =>
                mediator.Send(new ListMonitoringRounds(code, year, limit ?? Paging.DefaultLimit, cursor), ct))
            .WithName("listMonitoringRounds").WithSummary("监控轮次列表 Monitoring rounds of a department-year, by as-of date")
            .RequireScope(Scopes.Read);

        department.MapPost("/rounds", async (IMediator mediator, string code, int year, CreateMonitoringRound body, CancellationToken ct) =>
            {
                var created = await mediator.Send(body with { DepartmentCode = code, FiscalYear = year }, ct);
                return TypedResults.Created($"/api/v1/departments/{code}/monitoring/{year}/rounds/{created.Id}", created);
            })
            .WithName("createMonitoringRound").WithSummary("填报监控轮次 Report a monitoring round as of a date")
            .RequireScope(Scopes.DataWrite);

        department.MapGet("/rounds/{id:long}", (IMediator mediator, string code, int year, long id, CancellationToken ct) =>
                mediator.Send(new GetMonitoringRound(code, year, id), ct))
            .WithName("getMonitoringRound").WithSummary("监控轮次 A monitoring round as reported")
            .RequireScope(Scopes.Read);

        department.MapPut("/rounds/{id:long}", (IMediator mediator, Preconditions preconditions, HttpRequest http, string code, int year, long id, UpdateMonitoringRound body, CancellationToken ct) =>
                mediator.Send(body with { DepartmentCode = code, FiscalYear = year, Id = id, ExpectedVersion = preconditions.ExpectedVersion(http) }, ct))
            .WithName("updateMonitoringRound").WithSummary("修改监控轮次 Replace a monitoring round (If-Match)")
            .RequireScope(Scopes.DataWrite);

        api.MapGet("/fiscal-years/{year:int}/monitoring", (IMediator mediator, int year, [AsParameters] MonitoringQuery q, CancellationToken ct) =>
                mediator.Send(new ListYearMonitoring(year, QueryEnum.Parse<MonitoringLight>(q.Light, "light"), q.Region, q.Limit ?? Paging.DefaultLimit, q.Cursor), ct))
            .WithTags("Monitoring").WithName("listYearMonitoring")
            .WithSummary("年度绩效运行监控 The year's monitoring: counts by light and region, red first")
            .RequireScope(Scopes.Read);

        return api;
    }

    /// <summary>The year view's filters and paging.</summary>
    /// <param name="Light">综合灯: red, yellow, green or blue.</param>
    /// <param name="Region">所属区域.</param>
    /// <param name="Limit">Page size (1–500, default 50).</param>
    /// <param name="Cursor">The previous page's nextCursor.</param>
    internal sealed record MonitoringQuery(string? Light, string? Region, int? Limit, string? Cursor);
}
