using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.YearViews;

/// <summary>Year over year: a department's scorecards side by side, oldest year first.</summary>
public sealed record DepartmentEvaluationsResponse(DepartmentResponse Department, IReadOnlyList<ScorecardRow> Years);

public sealed record ListDepartmentEvaluations(string DepartmentCode) : IQuery<DepartmentEvaluationsResponse>, IDepartmentRequest
{
    internal sealed class Handler(DbSession db) : IRequestHandler<ListDepartmentEvaluations, DepartmentEvaluationsResponse>
    {
        private const string YearsSql = $"""
            SELECT {ScorecardRow.Columns}
            FROM scorecards s JOIN departments d ON d.code = s.department_code
            WHERE s.department_code = @DepartmentCode
            ORDER BY s.fiscal_year
            """;

        public async Task<DepartmentEvaluationsResponse> Handle(ListDepartmentEvaluations request, CancellationToken ct)
        {
            var department = await GetDepartment.LoadAsync(db, request.DepartmentCode, ct);
            var years = await db.QueryAsync<ScorecardRow.Kept>(YearsSql, new { request.DepartmentCode }, ct);
            var rows = new List<ScorecardRow>();
            foreach (var year in years)
            {
                rows.Add(year.ToRow(Rounding.For((await YearScheme.LoadAsync(db, year.FiscalYear, ct)).Settings)));
            }
            return new DepartmentEvaluationsResponse(department, rows);
        }
    }
}
