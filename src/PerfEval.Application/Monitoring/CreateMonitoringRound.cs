using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.ReadModel;

namespace PerfEval.Application.Monitoring;

/// <summary>Reports a monitoring round (绩效运行监控) of a department-year as of a date; one round per date.</summary>
/// <param name="AsOf">截止日期, inside the fiscal year.</param>
/// <param name="Executed">Executed to date per budget line, or per expenditure class when only that is known; none: not stated.</param>
/// <param name="Budget">The budget's deviation explanation (needed when its light is red or yellow).</param>
/// <param name="Indicators">Each indicator's progress; an indicator left out has no light in this round.</param>
public sealed record CreateMonitoringRound(
    DateOnly AsOf,
    IReadOnlyList<ExecutedToDate>? Executed = null,
    BudgetDeviation? Budget = null,
    IReadOnlyList<IndicatorProgress>? Indicators = null)
    : ICommand<MonitoringRoundResponse>, IMonitoringRoundFields, IDepartmentRequest, IChangesScorecards<MonitoringRoundResponse>
{
    ScorecardsAffected IChangesScorecards<MonitoringRoundResponse>.Affected(MonitoringRoundResponse round) => ScorecardsAffected.Of(round.DepartmentCode, round.FiscalYear);

    [RouteValue]
    public string DepartmentCode { get; init; } = "";

    [RouteValue]
    public int FiscalYear { get; init; }

    internal sealed class Validator : AbstractValidator<CreateMonitoringRound>
    {
        public Validator() => this.AddRoundRules();
    }

    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<CreateMonitoringRound, MonitoringRoundResponse>
    {
        private const string InsertSql = """
            INSERT INTO monitoring_rounds (department_code, fiscal_year, as_of, budget_cause, budget_cause_text, budget_likelihood,
                budget_expected_full_year, budget_corrective_measure, created_at, updated_at)
            VALUES (@DepartmentCode, @FiscalYear, @AsOf, @BudgetCause, @BudgetCauseText, @BudgetLikelihood,
                @BudgetExpectedFullYear, @BudgetCorrectiveMeasure, @Now, @Now)
            RETURNING id
            """;

        public async Task<MonitoringRoundResponse> Handle(CreateMonitoringRound request, CancellationToken ct)
        {
            await GetDepartment.LoadAsync(db, request.DepartmentCode, ct);
            await db.EnsureWritableAsync(request.FiscalYear, ct);
            await db.EnsureConsistentAsync(request, 0, ct);
            var id = await db.ExecuteScalarAsync<long>(InsertSql, MonitoringRoundStore.Parameters(0, request, clock.GetUtcNow()), ct);
            await db.WriteItemsAsync(id, request, ct);
            return await MonitoringRoundStore.LoadAsync(db, request.DepartmentCode, request.FiscalYear, id, ct);
        }
    }
}
