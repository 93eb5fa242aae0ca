using MediatR;
using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Scoring;
using PerfEval.Application.YearViews;
using PerfEval.Api.OpenApi;
using PerfEval.Api.Endpoints.Examples;

namespace PerfEval.Api.Endpoints;

internal static class YearViewEndpoints
{
    public static RouteGroupBuilder MapYearViews(this RouteGroupBuilder api)
    {
        var year = api.MapGroup("/fiscal-years/{year:int}").WithTags("Year views");

        year.MapGet("/scorecards", (IMediator mediator, int year, [AsParameters] RankingQuery q, CancellationToken ct) =>
                mediator.Send(new ListYearScorecards(
                    year, q.Region, QueryEnum.Parse<Grade>(q.Grade, "grade"), q.MinComposite, q.MaxComposite, q.HasFindings,
                    QueryEnum.Parse<ScorecardSort>(q.Sort, "sort") ?? ScorecardSort.Composite, Descending(q.Order),
                    q.Limit ?? Paging.DefaultLimit, q.Cursor, q.IncludeTotal ?? false, q.Search), ct))
            .WithName("listYearScorecards")
            .WithSummary("年度排名 Ranking of a year")
            .WithDescription("""
                The ranking of a year: every department's composite (综合得分), grade (评价结果), execution rate
                (预算执行率) and score, budget totals and finding counts, computed from the current data, filtered
                and sorted; ties broken by department code; departments without a composite sort last. `rank` is
                the place in the whole filtered ranking. The filters have no prefilled value: without them the
                whole year is ranked (every department of the demo data).
                """)
            .WithParameter("region", "Only departments of this region (所属区域), e.g. `高新区（新市区）`.")
            .WithParameter("grade", "Only departments with this grade, e.g. `excellent`.", enumType: typeof(Grade))
            .WithParameter("minComposite", "Only composites ≥ this (points), e.g. `90`.")
            .WithParameter("maxComposite", "Only composites ≤ this (points); not below minComposite, e.g. `100`.")
            .WithParameter("hasFindings", "true: only departments with findings; false: only those without.")
            .WithParameter("search", "Only departments whose name or code contains this text (名称或编码包含; Latin letters in any case), e.g. `商务局`.")
            .WithParameter("sort", "Sort key (default composite).", example: "composite", enumType: typeof(ScorecardSort))
            .WithParameter("order", "`desc` or `asc`; default: desc for composite and executionRate, asc for name.", example: "desc", values: ["asc", "desc"])
            .WithParameter("includeTotal", "true: also count the whole filtered ranking (`total`).", example: true, @default: false)
            .WithResponseDescription("A page of the ranking.")
            .WithExample("demo", "The three 2024 reports", response: YearViewsExamples.ListYearScorecardsDemo)
            .RequireScope(Scopes.Read);

        year.MapGet("/summary", (IMediator mediator, int year, CancellationToken ct) => mediator.Send(new GetYearSummary(year), ct))
            .WithName("getYearSummary")
            .WithSummary("年度汇总 Summary of a year")
            .WithDescription("""
                A year at a glance: how many departments got each grade (优/良/中/差), average, minimum, quartiles
                (QUARTILE.INC) and maximum of the composite scores and execution rates (2 decimals, 四舍五入), and
                how many departments have errors; overall and by region.
                """)
            .WithResponseDescription("The year's summary.")
            .WithExample("demo", "2024: 2 优, 1 良", response: YearViewsExamples.GetYearSummaryDemo)
            .RequireScope(Scopes.Read);

        year.MapGet("/findings", (IMediator mediator, HttpRequest http, int year, string? code, string? severity, string? region, int? limit, string? cursor, CancellationToken ct) =>
                mediator.Send(new ListYearFindings(year, code, QueryEnum.Parse<FindingSeverity>(severity, "severity"), region, limit ?? Paging.DefaultLimit, cursor, Language.Of(http)), ct))
            .WithName("listYearFindings")
            .WithSummary("年度发现 Findings of a year")
            .WithDescription("""
                Every finding of the year across departments, by department code and then as each scorecard lists
                them, filtered by finding code, severity and region, keyset-paged. Messages follow Accept-Language.
                """)
            .WithParameter("code", "Only findings with this code (see FindingResponse.code), e.g. `BUDGET_CLASS_SPLIT`.")
            .WithParameter("severity", "Only findings of this severity, e.g. `error`.", enumType: typeof(FindingSeverity))
            .WithParameter("region", "Only departments of this region (所属区域), e.g. `高新区（新市区）`.")
            .WithResponseDescription("A page of findings.")
            .WithExample("errors", "000's basic + project ≠ expenditure total (severity=error)", response: YearViewsExamples.ListYearFindingsErrors)
            .FollowsAcceptLanguage()
            .RequireScope(Scopes.Read);

        api.MapGet("/departments/{code}/evaluations", (IMediator mediator, string code, CancellationToken ct) => mediator.Send(new ListDepartmentEvaluations(code), ct))
            .WithTags("Evaluations").WithName("listDepartmentEvaluations")
            .WithSummary("历年评价 A department's years")
            .WithDescription("""
                Year over year: a department's scorecards side by side, oldest year first, one row per year that
                has budget lines or indicators: composite (综合得分), grade, execution rate and score, budget
                totals and finding counts.
                """)
            .WithResponseDescription("The department and its years.")
            .WithExample("gyyq", "工业园区管理办公室", response: EvaluationsExamples.ListDepartmentEvaluationsGyyq)
            .RequireScope(Scopes.Read);

        return api;
    }

    private static bool? Descending(string? order) => order?.ToLowerInvariant() switch
    {
        null or "" => null,
        "desc" => true,
        "asc" => false,
        _ => throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("order", Infrastructure.ProblemTexts.SortOrder.Current)]),
    };

    internal sealed record RankingQuery(
        string? Region, string? Grade, decimal? MinComposite, decimal? MaxComposite, bool? HasFindings,
        string? Sort, string? Order, int? Limit, string? Cursor, bool? IncludeTotal, string? Search);
}
