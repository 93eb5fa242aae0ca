using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Budgets;

/// <summary>Amounts in yuan; rates in %, 2 decimals, null when their base is 0.</summary>
public sealed record BudgetTotals(decimal Initial, decimal Adjustments, decimal Adjusted, decimal Executed, decimal? AdjustmentRate, decimal? ExecutionRate)
{
    /// <summary>As shown: amounts with two decimals, rates at the scheme's display decimals.</summary>
    internal static BudgetTotals From(BudgetFigures f, Rounding shown) => new(
        Rounding.Money(f.Initial.Value ?? 0), Rounding.Money(f.Adjustments.Value ?? 0), Rounding.Money(f.Adjusted.Value ?? 0), Rounding.Money(f.Executed.Value ?? 0),
        f.AdjustmentRate.Value is { } adjustment ? shown.Shown(adjustment) : null, f.ExecutionRate.Value is { } execution ? shown.Shown(execution) : null);
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
            var shown = Rounding.For(scheme.Settings);
            BudgetTotals Totals(BudgetFigures figures) => BudgetTotals.From(figures, shown);
            return new BudgetSummaryResponse(
                request.DepartmentCode,
                request.FiscalYear,
                lines.Count,
                Totals(budget.Overall),
                new ExpenditureClassTotals(Totals(budget.Personnel), Totals(budget.Operating), Totals(budget.Basic), Totals(budget.Project)),
                new FundingSourceTotals(Totals(budget.Superior), Totals(budget.OwnLevel), Totals(budget.Other)));
        }
    }
}
