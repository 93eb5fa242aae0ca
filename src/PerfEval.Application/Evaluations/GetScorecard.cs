using MediatR;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Evaluations;

/// <summary>
/// The scorecard of a department-year, as computed from the current data: a kept one is served only
/// while the change feed shows nothing it depends on changed, so a changed line, adjustment or
/// indicator shows in the next read.
/// </summary>
public sealed record GetScorecard(string DepartmentCode, int FiscalYear, bool Explain = false, MessageLanguage Language = MessageLanguage.Chinese)
    : IQuery<ScorecardResponse>, IDepartmentRequest
{
    internal sealed class Handler(DbSession db, ScorecardCache cache, IScorecardStamps stamps) : IRequestHandler<GetScorecard, ScorecardResponse>
    {
        /// <summary>A closed year's data changed after closing: any of its rows updated after closed_at.</summary>
        private const string ChangedAfterCloseSql = """
            SELECT COUNT(*) FROM fiscal_years y
            WHERE y.year = @FiscalYear AND y.closed_at IS NOT NULL AND (
                EXISTS (SELECT 1 FROM budget_lines l WHERE l.department_code = @DepartmentCode AND l.fiscal_year = y.year AND l.updated_at > y.closed_at)
                OR EXISTS (SELECT 1 FROM indicators i WHERE i.department_code = @DepartmentCode AND i.fiscal_year = y.year AND i.updated_at > y.closed_at)
                OR EXISTS (SELECT 1 FROM evaluations e WHERE e.department_code = @DepartmentCode AND e.fiscal_year = y.year AND e.updated_at > y.closed_at)
                OR EXISTS (SELECT 1 FROM budget_adjustments a WHERE a.department_code = @DepartmentCode AND a.fiscal_year = y.year AND a.created_at > y.closed_at))
            """;

        public async Task<ScorecardResponse> Handle(GetScorecard request, CancellationToken ct)
        {
            // The stamp is read first: data read after it can only be as new or newer, never older.
            var stamp = await stamps.ReadAsync(db, request.DepartmentCode, ct);
            if (cache.Find(request, stamp) is { } cached)
            {
                return cached;
            }

            var response = await ComputeAsync(request, ct);
            cache.Keep(request, stamp, response);
            return response;
        }

        private async Task<ScorecardResponse> ComputeAsync(GetScorecard request, CancellationToken ct)
        {
            var department = await GetDepartment.LoadAsync(db, request.DepartmentCode, ct);
            var scheme = await YearScheme.LoadAsync(db, request.FiscalYear, ct);
            var card = await ScoreAsync(db, request.DepartmentCode, request.FiscalYear, scheme, request.Explain, ct);
            return card.ToResponse(
                scheme.Settings,
                request.Language,
                request.Explain,
                department.Code,
                department.Name,
                department.Region,
                request.FiscalYear,
                new SchemeReference(scheme.SchemeId, scheme.Code, scheme.Version, scheme.Name));
        }

        /// <summary>One department-year scored from its current lines, indicators and declared figures.</summary>
        internal static async Task<Scorecard> ScoreAsync(DbSession db, string departmentCode, int year, YearScheme scheme, bool explain, CancellationToken ct)
        {
            var key = new { DepartmentCode = departmentCode, FiscalYear = year };
            var lines = await db.QueryAsync<BudgetLineResponse>(ListBudgetLines.AllSql, key, ct);
            var indicators = await db.QueryAsync<IndicatorResponse>(ListIndicators.AllSql, key, ct);
            var evaluation = await EvaluationRow.LoadAsync(db, departmentCode, year, ct);
            var changedAfterClose = await db.ExecuteScalarAsync<int>(ChangedAfterCloseSql, key, ct) > 0;
            var input = new ScorecardInput(
                [.. lines.Select(l => l.ToScoringInput())],
                [.. indicators.Select(i => i.ToScoringInput())],
                evaluation?.Declared ?? DeclaredFigures.None,
                changedAfterClose);
            return ScorecardCalculator.Calculate(input, scheme.Settings, explain);
        }
    }
}
