using PerfEval.Api.Security;
using MediatR;
using PerfEval.Api.Infrastructure;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;

namespace PerfEval.Api.Endpoints;

internal static class EvaluationEndpoints
{
    public static RouteGroupBuilder MapEvaluations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/departments/{code}/evaluations/{year:int}").WithTags("Evaluations");

        group.MapGet("/", async (IMediator mediator, ScorecardJsonWriter json, HttpRequest http, string code, int year, bool? explain, CancellationToken ct) =>
            {
                var scorecard = await mediator.Send(new GetScorecard(code, year, explain ?? false, Language.Of(http)), ct);
                if (Telemetry.Findings.Enabled)
                {
                    foreach (var finding in scorecard.Findings)
                    {
                        Telemetry.Findings.Add(1, new KeyValuePair<string, object?>("perfeval.finding.code", finding.Code));
                    }
                }

                return json.Write(scorecard);
            })
            .WithName("getScorecard").WithSummary("The scorecard (评价结果) of a department-year, computed by rule")
            .RequireScope(Scopes.Read);

        group.MapPut("/", (IMediator mediator, Preconditions preconditions, HttpRequest http, string code, int year, SaveEvaluation body, CancellationToken ct) =>
            {
                var (expected, createOnly, mustExist) = preconditions.CreateOrReplace(http);
                return mediator.Send(body with { DepartmentCode = code, FiscalYear = year, ExpectedVersion = expected, CreateOnly = createOnly, MustExist = mustExist }, ct);
            })
            .WithName("saveEvaluation").WithSummary("Store the evaluation's declared figures, narrative and filing date")
            .RequireScope(Scopes.DataWrite);

        api.MapPost("/scoring/preview", (IMediator mediator, HttpRequest http, bool? explain, PreviewScorecard body, CancellationToken ct) =>
                mediator.Send(body with { Explain = explain ?? false, Language = Language.Of(http) }, ct))
            .WithTags("Scoring").WithName("previewScorecard").WithSummary("What-if: score a payload that is not stored")
            .RequireScope(Scopes.Read);

        return api;
    }
}
