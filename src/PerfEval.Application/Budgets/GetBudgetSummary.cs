using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Budgets;

/// <summary>Initial, adjustments, adjusted and executed amounts in yuan (元), with the adjustment rate (预算调整率) and execution rate (预算执行率) in percent.</summary>
/// <param name="Initial">年初预算数 initial budget. Yuan (元), exact decimal shown with 2 decimals.</param>
/// <param name="Adjustments">年中调整数: signed sum of the adjustments. Yuan (元), exact decimal shown with 2 decimals.</param>
/// <param name="Adjusted">调整后全年预算数 adjusted budget = initial + adjustments. Yuan (元), exact decimal shown with 2 decimals.</param>
/// <param name="Executed">执行数 executed amount. Yuan (元), exact decimal shown with 2 decimals.</param>
/// <param name="AdjustmentRate">预算调整率 adjustment rate = adjustments / initial × 100 (signed). Percent, rounded to 2 decimals half away from zero (四舍五入); null when its base is 0.</param>
/// <param name="ExecutionRate">预算执行率 execution rate = executed / adjusted × 100. Percent, rounded to 2 decimals half away from zero (四舍五入); null when its base is 0.</param>
public sealed record BudgetTotals(decimal Initial, decimal Adjustments, decimal Adjusted, decimal Executed, decimal? AdjustmentRate, decimal? ExecutionRate)
{
    /// <summary>As shown: amounts with two decimals, rates at the scheme's display decimals.</summary>
    internal static BudgetTotals From(BudgetFigures f, Rounding shown) => new(
        Rounding.Money(f.Initial.Value ?? 0), Rounding.Money(f.Adjustments.Value ?? 0), Rounding.Money(f.Adjusted.Value ?? 0), Rounding.Money(f.Executed.Value ?? 0),
        f.AdjustmentRate.Value is { } adjustment ? shown.Shown(adjustment) : null, f.ExecutionRate.Value is { } execution ? shown.Shown(execution) : null);
}

/// <summary>The budget per expenditure class (支出分类).</summary>
/// <param name="Personnel">人员经费 personnel (basic expenditure).</param>
/// <param name="Operating">公用经费 operating (basic expenditure).</param>
/// <param name="Basic">基本支出 basic expenditure = personnel + operating.</param>
/// <param name="Project">项目支出 project expenditure.</param>
public sealed record ExpenditureClassTotals(BudgetTotals Personnel, BudgetTotals Operating, BudgetTotals Basic, BudgetTotals Project);

/// <summary>The budget per funding source (资金来源).</summary>
/// <param name="Superior">上级资金 superior funds.</param>
/// <param name="OwnLevel">本级资金 (本级财力) own-level funds.</param>
/// <param name="Other">其他资金 other funds.</param>
public sealed record FundingSourceTotals(BudgetTotals Superior, BudgetTotals OwnLevel, BudgetTotals Other);

/// <summary>A department-year's budget: overall, per expenditure class and per funding source.</summary>
/// <param name="DepartmentCode"><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.DepartmentCode"/></param>
/// <param name="FiscalYear"><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.FiscalYear"/></param>
/// <param name="LineCount">Number of budget lines of the department-year.</param>
/// <param name="Total">The department-year's budget overall.</param>
/// <param name="ByExpenditureClass">The budget per expenditure class.</param>
/// <param name="ByFundingSource">The budget per funding source.</param>
public sealed record BudgetSummaryResponse(
    string DepartmentCode,
    int FiscalYear,
    int LineCount,
    BudgetTotals Total,
    ExpenditureClassTotals ByExpenditureClass,
    FundingSourceTotals ByFundingSource);

/// <summary>The budget summary of a department-year.</summary>
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
