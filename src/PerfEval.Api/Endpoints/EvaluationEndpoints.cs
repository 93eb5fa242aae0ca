using PerfEval.Api.Security;
using MediatR;
using PerfEval.Api.Infrastructure;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using PerfEval.Api.OpenApi;
using PerfEval.Api.Endpoints.Examples;

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
            .WithName("getScorecard")
            .WithSummary("评价结果 Scorecard")
            .WithDescription("""
                The scorecard (评价结果) of a department-year, computed by rule from the current data on every
                read: budget figures and rates (预算调整率, 预算执行率), the execution score (executionWeight ×
                min(execution rate / 100, 1)), each indicator's completion rate (完成率) and score (weight ×
                min(completion / 100, 1), less a reviewer's deduction), the composite score (综合得分, the sum of
                the rounded components) and grade (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差), each declared figure beside the
                computed one, and the findings (e.g. 000's basic + project ≠ expenditure total). Rates and
                scores: 2 decimals, half away from zero (四舍五入). `explain=true` adds every formula with its
                numbers. Finding messages follow Accept-Language. The ETag is a hash of the content.
                """)
            .WithResponseDescription("The scorecard.")
            .WithExample("gyyq", "工业园区管理办公室 2024: composite 99.48, 优", response: EvaluationsExamples.GetScorecardGyyq)
            .FollowsAcceptLanguage()
            .RequireScope(Scopes.Read);

        group.MapPut("/", (IMediator mediator, Preconditions preconditions, HttpRequest http, string code, int year, SaveEvaluation body, CancellationToken ct) =>
            {
                var (expected, createOnly, mustExist) = preconditions.CreateOrReplace(http);
                return mediator.Send(body with { DepartmentCode = code, FiscalYear = year, ExpectedVersion = expected, CreateOnly = createOnly, MustExist = mustExist }, ct);
            })
            .WithName("saveEvaluation")
            .WithSummary("保存自评 Save the evaluation")
            .WithDescription("""
                Stores (creates or replaces) the evaluation's own fields: the report's declared figures (kept as
                written, so 9.8 is checked at 1 decimal and 9.80 at 2), its problems (存在的问题), causes (原因
                分析), improvement measures (改进措施), suggestions (有关建议) and filing date. The first PUT creates
                it without If-Match; replacing it needs If-Match. The year must not be closed. The declared
                figures are then checked on the scorecard (GET …/evaluations/{year}).
                """)
            .WithParameter("code", "Department code (部门单位编码).", example: "GXQ-SWJ")
            .WithResponseDescription("The evaluation as stored.")
            .WithExample("swj", "商务局 2024 as reported (its 100 % adjustment rate for a zero adjustment is a finding)", request: EvaluationsExamples.SaveEvaluationSwjRequest, responseSummary: "Stored", response: EvaluationsExamples.SaveEvaluationSwj)
            .CreatesWithoutIfMatch()
            .RequireScope(Scopes.DataWrite);

        api.MapPost("/scoring/preview", (IMediator mediator, HttpRequest http, bool? explain, PreviewScorecard body, CancellationToken ct) =>
                mediator.Send(body with { Explain = explain ?? false, Language = Language.Of(http) }, ct))
            .WithTags("Scoring").WithName("previewScorecard")
            .WithSummary("试算评分 Preview a scorecard")
            .WithDescription("""
                What-if: scores a payload that is not stored ("what would this unit score if …") with a stored
                scoring scheme (schemeId) or the default one, and answers a scorecard exactly as GET
                …/evaluations/{year} would (without department and year). Nothing is written. At most 1,000
                lines and 200 indicators. An unknown schemeId is 404.
                """)
            .WithResponseDescription("The scorecard of the payload.")
            .WithExample("cyfwzx", "创业服务中心's budget with two indicators", request: ScoringExamples.PreviewScorecardCyfwzxRequest, responseSummary: "Composite 95.80, 优, two warnings", response: ScoringExamples.PreviewScorecardCyfwzx)
            .FollowsAcceptLanguage()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireScope(Scopes.Read);

        return api;
    }
}
