using System.Text.Json;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Monitoring;

/// <summary>
/// A department-year's monitoring (双监控) as of a round: time progress, the budget light, each
/// indicator's light, the goal light (worst indicator; blue counts as green) and the combined light
/// (worse of budget and goal), with the findings. Ratios in %, rounded for display; every band is
/// decided on the exact ratio.
/// </summary>
/// <param name="DepartmentCode">部门编码.</param>
/// <param name="DepartmentName">部门名称.</param>
/// <param name="Region">所属区域.</param>
/// <param name="FiscalYear">年度.</param>
/// <param name="RoundId">The round these lights are of.</param>
/// <param name="RoundVersion">The round's version: what If-Match names to change it.</param>
/// <param name="AsOf">截止日期.</param>
/// <param name="TimeProgress">序时进度, %.</param>
/// <param name="TimeProgressExplanation">With explain: its formula and inputs.</param>
/// <param name="Budget">预算执行监控: executed to date, execution rate, ratio to time progress and light (none when executed to date is not stated).</param>
/// <param name="Indicators">绩效目标监控: each indicator's current value, ratio and light.</param>
/// <param name="GoalLight">目标灯: the worst indicator light (blue counts as green).</param>
/// <param name="GoalExplanation">With explain: its formula and inputs.</param>
/// <param name="CombinedLight">综合灯: the worse of the budget and goal lights (the known one when only one is known).</param>
/// <param name="CombinedExplanation">With explain: its formula and inputs.</param>
/// <param name="Findings">Red or yellow items without their explanation; blue indicators to check.</param>
/// <param name="Scheme">The scoring scheme (and version) whose monitoring settings were applied.</param>
/// <param name="Version">The version of these lights as kept (the ETag).</param>
public sealed record MonitoringResponse(
    string DepartmentCode,
    string DepartmentName,
    string Region,
    int FiscalYear,
    long RoundId,
    int RoundVersion,
    DateOnly AsOf,
    decimal TimeProgress,
    Explanation? TimeProgressExplanation,
    BudgetMonitoring Budget,
    IReadOnlyList<IndicatorMonitoring> Indicators,
    MonitoringLight? GoalLight,
    Explanation? GoalExplanation,
    MonitoringLight? CombinedLight,
    Explanation? CombinedExplanation,
    IReadOnlyList<FindingResponse> Findings,
    SchemeReference Scheme,
    int Version) : IVersioned, IDepartmentOwned;

/// <summary>The latest monitoring round's lights of a department-year, or the latest on or before <see cref="AsOf"/>; from the read model.</summary>
public sealed record GetDepartmentMonitoring(
    string DepartmentCode,
    int FiscalYear,
    DateOnly? AsOf = null,
    bool Explain = false,
    MessageLanguage Language = MessageLanguage.Chinese) : IQuery<MonitoringResponse>, IDepartmentRequest
{
    internal sealed class Handler(DbSession db) : IRequestHandler<GetDepartmentMonitoring, MonitoringResponse>
    {
        private const string KeptSql = """
            SELECT c.round_id AS RoundId, r.row_version AS RoundVersion, c.card AS Card, c.version AS Version, d.name AS DepartmentName,
                d.region AS Region, m.id AS SchemeId, m.code AS SchemeCode, m.version AS SchemeVersion, m.name AS SchemeName
            FROM monitoring_cards c
            JOIN monitoring_rounds r ON r.id = c.round_id
            JOIN departments d ON d.code = c.department_code
            JOIN scoring_schemes m ON m.id = c.scheme_id
            WHERE c.department_code = @DepartmentCode AND c.fiscal_year = @FiscalYear AND (@AsOf IS NULL OR c.as_of <= @AsOf)
            ORDER BY c.as_of DESC
            LIMIT @Take
            """;

        public async Task<MonitoringResponse> Handle(GetDepartmentMonitoring request, CancellationToken ct)
        {
            var kept = await db.QuerySingleOrDefaultAsync<KeptRow>(KeptSql, new { request.DepartmentCode, request.FiscalYear, request.AsOf, Take = 1 }, ct);
            if (kept is null)
            {
                // A missing department answers as one; a department without a round (by then) as a missing round.
                await GetDepartment.LoadAsync(db, request.DepartmentCode, ct);
                throw new NotFoundException("Monitoring round", $"{request.DepartmentCode}/{request.FiscalYear}");
            }

            var card = JsonSerializer.Deserialize<MonitoringCard>(kept.Card, JsonText.Options)!;
            if (!request.Explain)
            {
                card = card.WithoutExplanations();
            }

            var english = request.Language == MessageLanguage.English;
            return new MonitoringResponse(
                request.DepartmentCode,
                kept.DepartmentName,
                kept.Region,
                request.FiscalYear,
                kept.RoundId,
                kept.RoundVersion,
                card.AsOf,
                card.TimeProgress,
                card.TimeProgressExplanation,
                card.Budget,
                card.Indicators,
                card.GoalLight,
                card.GoalExplanation,
                card.CombinedLight,
                card.CombinedExplanation,
                [.. card.Findings.Select(f => new FindingResponse(f.Code, f.Severity, f.Subject, f.Figures, english ? f.MessageEn : f.MessageZh))],
                new SchemeReference(kept.SchemeId, kept.SchemeCode, kept.SchemeVersion, kept.SchemeName),
                kept.Version);
        }

        private sealed record KeptRow
        {
            public long RoundId { get; init; }
            public int RoundVersion { get; init; }
            public required string Card { get; init; }
            public int Version { get; init; }
            public required string DepartmentName { get; init; }
            public required string Region { get; init; }
            public long SchemeId { get; init; }
            public required string SchemeCode { get; init; }
            public int SchemeVersion { get; init; }
            public required string SchemeName { get; init; }
        }
    }
}
