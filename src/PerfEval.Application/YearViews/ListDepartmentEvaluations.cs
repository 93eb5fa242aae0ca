using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.Evaluations;
using PerfEval.Application.FiscalYears;

namespace PerfEval.Application.YearViews;

/// <summary>Year over year: a department's scorecards side by side, oldest year first.</summary>
public sealed record DepartmentEvaluationsResponse(DepartmentResponse Department, IReadOnlyList<ScorecardRow> Years);

public sealed record ListDepartmentEvaluations(string DepartmentCode) : IQuery<DepartmentEvaluationsResponse>, IDepartmentRequest
{
    internal sealed class Handler(DbSession db) : IRequestHandler<ListDepartmentEvaluations, DepartmentEvaluationsResponse>
    {
        private const string YearsSql = """
            SELECT DISTINCT fiscal_year FROM budget_lines WHERE department_code = @DepartmentCode
            UNION
            SELECT DISTINCT fiscal_year FROM indicators WHERE department_code = @DepartmentCode
            ORDER BY 1
            """;

        public async Task<DepartmentEvaluationsResponse> Handle(ListDepartmentEvaluations request, CancellationToken ct)
        {
            var department = await GetDepartment.LoadAsync(db, request.DepartmentCode, ct);
            var rows = new List<ScorecardRow>();
            foreach (var year in await db.QueryAsync<int>(YearsSql, new { request.DepartmentCode }, ct))
            {
                var scheme = await YearScheme.LoadAsync(db, year, ct);
                var card = await GetScorecard.Handler.ScoreAsync(db, request.DepartmentCode, year, scheme, explain: false, ct);
                rows.Add(ScorecardRow.From(new ScoredDepartment(department, card), year));
            }

            return new DepartmentEvaluationsResponse(department, rows);
        }
    }
}
