using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.Budgets;

public sealed record GetBudgetLine(string DepartmentCode, int FiscalYear, long Id) : IQuery<BudgetLineResponse>, IDepartmentRequest
{
    private const string SelectSql = $"""
        SELECT {BudgetLineResponse.Columns} FROM budget_lines
        WHERE id = @Id AND department_code = @DepartmentCode AND fiscal_year = @FiscalYear
        """;

    internal static async Task<BudgetLineResponse> LoadAsync(DbSession db, string departmentCode, int fiscalYear, long id, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<BudgetLineResponse>(SelectSql, new { Id = id, DepartmentCode = departmentCode, FiscalYear = fiscalYear }, ct)
        ?? throw new NotFoundException("Budget line", id);

    internal sealed class Handler(DbSession db) : IRequestHandler<GetBudgetLine, BudgetLineResponse>
    {
        public Task<BudgetLineResponse> Handle(GetBudgetLine request, CancellationToken ct) =>
            LoadAsync(db, request.DepartmentCode, request.FiscalYear, request.Id, ct);
    }
}
