using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;

namespace PerfEval.Application.Budgets;

/// <summary>A department-year's budget lines in id order, keyset-paged, filtered by class, source and project.</summary>
public sealed record ListBudgetLines(
    string DepartmentCode,
    int FiscalYear,
    ExpenditureClass? ExpenditureClass = null,
    FundingSource? FundingSource = null,
    long? ProjectId = null,
    int Limit = Paging.DefaultLimit,
    string? Cursor = null,
    DateTimeOffset? UpdatedSince = null) : IQuery<Page<BudgetLineResponse>>, IDepartmentRequest
{
    internal const string AllSql = $"""
        SELECT {BudgetLineResponse.Columns} FROM budget_lines
        WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear
        ORDER BY id
        """;

    internal sealed class Validator : AbstractValidator<ListBudgetLines>
    {
        public Validator() => RuleFor(x => x.Limit).ValidLimit();
    }

    internal sealed class Handler(DbSession db) : IRequestHandler<ListBudgetLines, Page<BudgetLineResponse>>
    {
        private const string ListSql = $"""
            SELECT {BudgetLineResponse.Columns} FROM budget_lines
            WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear
              AND (@After IS NULL OR id > @After)
              AND (@ExpenditureClass IS NULL OR expenditure_class = @ExpenditureClass)
              AND (@FundingSource IS NULL OR funding_source = @FundingSource)
              AND (@ProjectId IS NULL OR project_id = @ProjectId)
              AND (@UpdatedSince IS NULL OR updated_at > @UpdatedSince)
            ORDER BY id
            LIMIT @Take
            """;

        public async Task<Page<BudgetLineResponse>> Handle(ListBudgetLines request, CancellationToken ct)
        {
            await GetDepartment.LoadAsync(db, request.DepartmentCode, ct);
            var rows = await db.QueryAsync<BudgetLineResponse>(ListSql, new
            {
                request.DepartmentCode,
                request.FiscalYear,
                After = Paging.DecodeId(request.Cursor),
                ExpenditureClass = Sql.Name(request.ExpenditureClass),
                FundingSource = Sql.Name(request.FundingSource),
                request.ProjectId,
                request.UpdatedSince,
                Take = request.Limit + 1,
            }, ct);
            return Paging.ToPage(rows, request.Limit, l => l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
