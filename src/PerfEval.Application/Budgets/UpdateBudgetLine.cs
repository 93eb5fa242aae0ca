using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.ReadModel;

namespace PerfEval.Application.Budgets;

/// <summary>A budget line's class, source, project and amounts; its adjustments stay in the ledger.</summary>
/// <param name="ExpenditureClass"><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.ExpenditureClass"/></param>
/// <param name="FundingSource"><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.FundingSource"/></param>
/// <param name="InitialAmount">年初预算数 initial budget, ≥ 0. Yuan (元), exact decimal shown with 2 decimals.</param>
/// <param name="ExecutedAmount">执行数 executed amount, ≥ 0. Yuan (元), exact decimal shown with 2 decimals.</param>
/// <param name="ProjectId"><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.ProjectId"/></param>
public sealed record UpdateBudgetLine(
    ExpenditureClass ExpenditureClass,
    FundingSource FundingSource,
    decimal InitialAmount,
    decimal ExecutedAmount,
    long? ProjectId = null) : ICommand<BudgetLineResponse>, IConditional, IBudgetLineFields, IDepartmentRequest, IChangesScorecards<BudgetLineResponse>
{
    ScorecardsAffected IChangesScorecards<BudgetLineResponse>.Affected(BudgetLineResponse line) => ScorecardsAffected.Of(line.DepartmentCode, line.FiscalYear);

    /// <summary>From the route, not the JSON.</summary>
    [RouteValue]
    public string DepartmentCode { get; init; } = "";

    /// <summary>From the route, not the JSON.</summary>
    [RouteValue]
    public int FiscalYear { get; init; }

    /// <summary>From the route, not the JSON.</summary>
    [RouteValue]
    public long Id { get; init; }

    /// <summary>From If-Match: the version the client last read.</summary>
    [RouteValue]
    public int? ExpectedVersion { get; init; }

    internal sealed class Validator : AbstractValidator<UpdateBudgetLine>
    {
        public Validator() => this.AddBudgetLineRules();
    }

    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<UpdateBudgetLine, BudgetLineResponse>
    {
        private const string UpdateSql = """
            UPDATE budget_lines SET expenditure_class = @ExpenditureClass, funding_source = @FundingSource,
                project_id = @ProjectId, initial_amount = @InitialAmount, executed_amount = @ExecutedAmount,
                row_version = row_version + 1, updated_at = @Now
            WHERE id = @Id AND (@ExpectedVersion IS NULL OR row_version = @ExpectedVersion)
            """;

        public async Task<BudgetLineResponse> Handle(UpdateBudgetLine request, CancellationToken ct)
        {
            await GetBudgetLine.LoadAsync(db, request.DepartmentCode, request.FiscalYear, request.Id, ct);
            await db.EnsureWritableAsync(request.FiscalYear, ct);
            await db.EnsureConsistentAsync(request.Id, request.DepartmentCode, request.FiscalYear, request, ct);
            request.EnsureApplied(await db.ExecuteAsync(UpdateSql, new
            {
                request.Id,
                request.ExpectedVersion,
                ExpenditureClass = request.ExpenditureClass.ToString(),
                FundingSource = request.FundingSource.ToString(),
                request.ProjectId,
                request.InitialAmount,
                request.ExecutedAmount,
                Now = clock.GetUtcNow(),
            }, ct), "Budget line", request.Id);
            return await GetBudgetLine.LoadAsync(db, request.DepartmentCode, request.FiscalYear, request.Id, ct);
        }
    }
}
