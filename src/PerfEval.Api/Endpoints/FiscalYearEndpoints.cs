using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using PerfEval.Application.Common;
using MediatR;
using PerfEval.Application.FiscalYears;
using PerfEval.Api.OpenApi;
using PerfEval.Api.Endpoints.Examples;

namespace PerfEval.Api.Endpoints;

internal static class FiscalYearEndpoints
{
    public static RouteGroupBuilder MapFiscalYears(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/fiscal-years").WithTags("Fiscal years");

        group.MapGet("/", (IMediator mediator, string? status, int? limit, string? cursor, DateTimeOffset? updatedSince, CancellationToken ct) =>
                mediator.Send(new ListFiscalYears(QueryEnum.Parse<FiscalYearStatus>(status, "status"), limit ?? Paging.DefaultLimit, cursor, updatedSince), ct))
            .WithName("listFiscalYears")
            .WithSummary("年度列表 List fiscal years")
            .WithDescription("""
                Fiscal years (年度), newest first, keyset-paged, optionally one stage only.
                """)
            .WithParameter("status", "Only years at this stage, e.g. `evaluation`.", enumType: typeof(FiscalYearStatus))
            .WithResponseDescription("A page of fiscal years.")
            .WithExample("demo", "The demo year", response: FiscalYearsExamples.ListFiscalYearsDemo)
            .RequireScope(Scopes.Read);

        group.MapPost("/", async (IMediator mediator, CreateFiscalYear body, CancellationToken ct) =>
            {
                var created = await mediator.Send(body, ct);
                return TypedResults.Created($"/api/v1/fiscal-years/{created.Year}", created);
            })
            .WithName("createFiscalYear")
            .WithSummary("新增年度 Open a fiscal year")
            .WithDescription("""
                Opens a fiscal year (年度), at stage open (预算与年中监控) or evaluation (自评), scored by the given
                scoring scheme (评分方案) or else by the newest version of the `default` scheme.
                """)
            .WithResponseDescription("Created: the fiscal year; Location names it.")
            .WithExample("next", "Open 2025 with the default scheme", request: FiscalYearsExamples.CreateFiscalYearNextRequest, responseSummary: "Opened", response: FiscalYearsExamples.CreateFiscalYearNext)
            .RequireScope(Scopes.Admin);

        group.MapGet("/{year:int}", (IMediator mediator, int year, CancellationToken ct) => mediator.Send(new GetFiscalYear(year), ct))
            .WithName("getFiscalYear")
            .WithSummary("年度详情 Get a fiscal year")
            .WithDescription("""
                One fiscal year (年度): its stage and the scoring scheme (评分方案) its scorecards use.
                """)
            .WithResponseDescription("The fiscal year.")
            .WithExample("demo", "2024, in evaluation", response: FiscalYearsExamples.GetFiscalYearDemo)
            .RequireScope(Scopes.Read);

        group.MapPatch("/{year:int}", (IMediator mediator, Preconditions preconditions, HttpRequest http, int year, UpdateFiscalYear body, CancellationToken ct) =>
                mediator.Send(body with { Year = year, ExpectedVersion = preconditions.ExpectedVersion(http) }, ct))
            .WithName("updateFiscalYear")
            .WithSummary("推进年度或更换评分方案 Advance a year or change its scheme")
            .WithDescription("""
                Moves a fiscal year forward (open → evaluation → closed, never back) and/or points it at another
                scoring scheme (评分方案). Closing locks the year: every later write to its data (budget lines,
                adjustments, projects, indicators, evaluations, the year itself) is refused with 409, and a
                scheme a closed year uses can no longer change. Give at least one field.
                """)
            .WithResponseDescription("The fiscal year as stored, with its new version.")
            .WithExample("scheme", "Keep 2024 on scoring scheme 1 (changes only its version)", request: FiscalYearsExamples.UpdateFiscalYearSchemeRequest, responseSummary: "Still in evaluation, on scheme 1", response: FiscalYearsExamples.UpdateFiscalYearScheme)
            .WithExample("close", "Close 2024 after the self-evaluation (every later write to 2024 is 409)", request: FiscalYearsExamples.UpdateFiscalYearCloseRequest, responseSummary: "Closed", response: FiscalYearsExamples.UpdateFiscalYearClose)
            .RequireScope(Scopes.Admin);

        return api;
    }
}
