using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Budgets;

/// <summary>Amounts in yuan; rates in %, 2 decimals, null when their base is 0.</summary>
public sealed record BudgetTotals(decimal Initial, decimal Adjustments, decimal Adjusted, decimal Executed, decimal? AdjustmentRate, decimal? ExecutionRate)
{
    /// <summary>Shown with 2 decimals (amounts are yuan with fen; rates are rounded to 2 decimals).</summary>
    internal static BudgetTotals From(BudgetFigures f) => new(
        (f.Initial.Value ?? 0) + 0.00m, (f.Adjustments.Value ?? 0) + 0.00m, (f.Adjusted.Value ?? 0) + 0.00m, (f.Executed.Value ?? 0) + 0.00m,
        f.AdjustmentRate.Value + 0.00m, f.ExecutionRate.Value + 0.00m);
}

public sealed record ExpenditureClassTotals(BudgetTotals Personnel, BudgetTotals Operating, BudgetTotals Basic, BudgetTotals Project);

public sealed record FundingSourceTotals(BudgetTotals Superior, BudgetTotals OwnLevel, BudgetTotals Other);

/// <summary>A department-year's budget: 调整率 adjustment rate = Σ adjustments / initial × 100; 执行率 execution rate = executed / adjusted × 100.</summary>
public sealed record BudgetSummaryResponse(
    string DepartmentCode,
    int FiscalYear,
    int LineCount,
    BudgetTotals Total,
    ExpenditureClassTotals ByExpenditureClass,
    FundingSourceTotals ByFundingSource);

public sealed record GetBudgetSummary(string DepartmentCode, int FiscalYear) : IQuery<BudgetSummaryResponse>, IDepartmentRequest
{
    internal sealed class Handler(DbSession db) : IRequestHandler<GetBudgetSummary, BudgetSummaryResponse>
    {
        public async Task<BudgetSummaryResponse> Handle(GetBudgetSummary request, CancellationToken ct)
        {
            await GetDepartment.LoadAsync(db, request.DepartmentCode, ct);
            var scheme = await YearScheme.LoadAsync(db, request.FiscalYear, ct);
            var lines = (await db.QueryAsync<BudgetLineResponse>(ListBudgetLines.AllSql, new { request.DepartmentCode, request.FiscalYear }, ct)).ToList();
            var budget = ScorecardCalculator.Calculate(
                new ScorecardInput([.. lines.Select(l => l.ToScoringInput())], [], DeclaredFigures.None, false),
                scheme.Settings).Budget;
            return new BudgetSummaryResponse(
                request.DepartmentCode,
                request.FiscalYear,
                lines.Count,
                BudgetTotals.From(budget.Overall),
                new ExpenditureClassTotals(BudgetTotals.From(budget.Personnel), BudgetTotals.From(budget.Operating), BudgetTotals.From(budget.Basic), BudgetTotals.From(budget.Project)),
                new FundingSourceTotals(BudgetTotals.From(budget.Superior), BudgetTotals.From(budget.OwnLevel), BudgetTotals.From(budget.Other)));
        }
    }
}
