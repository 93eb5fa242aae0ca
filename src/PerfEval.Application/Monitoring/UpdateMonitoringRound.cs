using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.ReadModel;

namespace PerfEval.Application.Monitoring;

/// <summary>Replaces a monitoring round: its date, executed amounts, budget explanation and indicator progress.</summary>
/// <param name="AsOf">截止日期, inside the fiscal year.</param>
/// <param name="Executed">Executed to date per budget line, or per expenditure class; none: not stated.</param>
/// <param name="Budget">The budget's deviation explanation.</param>
/// <param name="Indicators">Each indicator's progress.</param>
public sealed record UpdateMonitoringRound(
    DateOnly AsOf,
    IReadOnlyList<ExecutedToDate>? Executed = null,
    BudgetDeviation? Budget = null,
    IReadOnlyList<IndicatorProgress>? Indicators = null)
    : ICommand<MonitoringRoundResponse>, IMonitoringRoundFields, IDepartmentRequest, IConditional, IChangesScorecards<MonitoringRoundResponse>
{
    ScorecardsAffected IChangesScorecards<MonitoringRoundResponse>.Affected(MonitoringRoundResponse round) => ScorecardsAffected.Of(round.DepartmentCode, round.FiscalYear);

    [RouteValue]
    public string DepartmentCode { get; init; } = "";

    [RouteValue]
    public int FiscalYear { get; init; }

    [RouteValue]
    public long Id { get; init; }

    /// <summary>From If-Match: the version the client last read.</summary>
    [RouteValue]
    public int? ExpectedVersion { get; init; }

    internal sealed class Validator : AbstractValidator<UpdateMonitoringRound>
    {
        public Validator() => this.AddRoundRules();
    }

    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<UpdateMonitoringRound, MonitoringRoundResponse>
    {
        private const string UpdateSql = """
            UPDATE monitoring_rounds SET as_of = @AsOf, budget_cause = @BudgetCause, budget_cause_text = @BudgetCauseText,
                budget_likelihood = @BudgetLikelihood, budget_expected_full_year = @BudgetExpectedFullYear,
                budget_corrective_measure = @BudgetCorrectiveMeasure, row_version = row_version + 1, updated_at = @Now
            WHERE id = @Id AND department_code = @DepartmentCode AND fiscal_year = @FiscalYear
              AND (@ExpectedVersion IS NULL OR row_version = @ExpectedVersion)
            """;

        public async Task<MonitoringRoundResponse> Handle(UpdateMonitoringRound request, CancellationToken ct)
        {
            await MonitoringRoundStore.LoadAsync(db, request.DepartmentCode, request.FiscalYear, request.Id, ct);
            await db.EnsureWritableAsync(request.FiscalYear, ct);
            await db.EnsureConsistentAsync(request, request.Id, ct);
            request.EnsureApplied(
                await db.ExecuteAsync(UpdateSql, MonitoringRoundStore.Parameters(request.Id, request, clock.GetUtcNow(), request.ExpectedVersion), ct),
                "Monitoring round",
                request.Id);
            await db.WriteItemsAsync(request.Id, request, ct);
            return await MonitoringRoundStore.LoadAsync(db, request.DepartmentCode, request.FiscalYear, request.Id, ct);
        }
    }
}
