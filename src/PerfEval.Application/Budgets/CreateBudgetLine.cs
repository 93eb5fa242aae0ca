using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.ReadModel;

namespace PerfEval.Application.Budgets;

public sealed record CreateBudgetLine(
    ExpenditureClass ExpenditureClass,
    FundingSource FundingSource,
    decimal InitialAmount,
    decimal ExecutedAmount,
    long? ProjectId = null) : ICommand<BudgetLineResponse>, IBudgetLineFields, IDepartmentRequest, IChangesScorecards<BudgetLineResponse>
{
    ScorecardsAffected IChangesScorecards<BudgetLineResponse>.Affected(BudgetLineResponse line) => ScorecardsAffected.Of(line.DepartmentCode, line.FiscalYear);

    [RouteValue]
    public string DepartmentCode { get; init; } = "";

    [RouteValue]
    public int FiscalYear { get; init; }

    internal sealed class Validator : AbstractValidator<CreateBudgetLine>
    {
        public Validator()
        {
            RuleFor(x => x.FiscalYear).FiscalYear();
            this.AddBudgetLineRules();
        }
    }

    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<CreateBudgetLine, BudgetLineResponse>
    {
        internal const string InsertSql = """
            INSERT INTO budget_lines (department_code, fiscal_year, expenditure_class, funding_source, project_id,
                initial_amount, executed_amount, created_at, updated_at)
            VALUES (@DepartmentCode, @FiscalYear, @ExpenditureClass, @FundingSource, @ProjectId,
                @InitialAmount, @ExecutedAmount, @Now, @Now)
            RETURNING id
            """;

        public async Task<BudgetLineResponse> Handle(CreateBudgetLine request, CancellationToken ct)
        {
            await GetDepartment.LoadAsync(db, request.DepartmentCode, ct);
            await db.EnsureWritableAsync(request.FiscalYear, ct);
            await db.EnsureConsistentAsync(0, request.DepartmentCode, request.FiscalYear, request, ct);
            var id = await db.ExecuteScalarAsync<long>(InsertSql, Parameters(request, clock.GetUtcNow()), ct);
            return await GetBudgetLine.LoadAsync(db, request.DepartmentCode, request.FiscalYear, id, ct);
        }

        /// <summary><see cref="InsertSql"/>'s parameters.</summary>
        internal static object Parameters(CreateBudgetLine request, DateTimeOffset now) => new
        {
            request.DepartmentCode,
            request.FiscalYear,
            ExpenditureClass = request.ExpenditureClass.ToString(),
            FundingSource = request.FundingSource.ToString(),
            request.ProjectId,
            request.InitialAmount,
            request.ExecutedAmount,
            Now = now,
        };
    }
}
