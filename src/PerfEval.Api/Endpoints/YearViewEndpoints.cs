using MediatR;
using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Scoring;
using PerfEval.Application.YearViews;

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
            .WithName("listYearScorecards").WithSummary("The ranking: every department's composite, grade, execution rate and finding counts")
            .RequireScope(Scopes.Read);

        year.MapGet("/summary", (IMediator mediator, int year, CancellationToken ct) => mediator.Send(new GetYearSummary(year), ct))
            .WithName("getYearSummary").WithSummary("Grade distribution, averages and quartiles, units with errors, by region")
            .RequireScope(Scopes.Read);

        year.MapGet("/findings", (IMediator mediator, HttpRequest http, int year, string? code, string? severity, string? region, int? limit, string? cursor, CancellationToken ct) =>
                mediator.Send(new ListYearFindings(year, code, QueryEnum.Parse<FindingSeverity>(severity, "severity"), region, limit ?? Paging.DefaultLimit, cursor, Language.Of(http)), ct))
            .WithName("listYearFindings").WithSummary("Every finding of the year")
            .RequireScope(Scopes.Read);

        api.MapGet("/departments/{code}/evaluations", (IMediator mediator, string code, CancellationToken ct) => mediator.Send(new ListDepartmentEvaluations(code), ct))
            .WithTags("Evaluations").WithName("listDepartmentEvaluations").WithSummary("A department's scorecards across years, side by side")
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
