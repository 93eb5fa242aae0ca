using PerfEval.Application.Evaluations;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.YearViews;

/// <summary>A department-year in one line: what rankings, comparisons and exports show.</summary>
/// <param name="DepartmentCode"><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.DepartmentCode"/></param>
/// <param name="DepartmentName">Department name (单位名称).</param>
/// <param name="Region"><inheritdoc cref="PerfEval.Application.Departments.DepartmentResponse.Region"/></param>
/// <param name="FiscalYear"><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.FiscalYear"/></param>
/// <param name="CompositeScore"><inheritdoc cref="PerfEval.Application.Evaluations.ScorecardResponse.CompositeScore"/></param>
/// <param name="Grade"><inheritdoc cref="PerfEval.Application.Evaluations.ScorecardResponse.Grade"/></param>
/// <param name="GradeLabel"><inheritdoc cref="PerfEval.Application.Evaluations.ScorecardResponse.GradeLabel"/></param>
/// <param name="ExecutionRate"><inheritdoc cref="PerfEval.Application.Budgets.BudgetTotals.ExecutionRate"/></param>
/// <param name="ExecutionScore"><inheritdoc cref="PerfEval.Application.Evaluations.ScorecardResponse.ExecutionScore"/></param>
/// <param name="InitialBudget">年初预算数 initial budget. Yuan (元), exact decimal shown with 2 decimals.</param>
/// <param name="AdjustedBudget">调整后全年预算数 adjusted budget. Yuan (元), exact decimal shown with 2 decimals.</param>
/// <param name="Executed">执行数 executed amount. Yuan (元), exact decimal shown with 2 decimals.</param>
/// <param name="FindingCounts"><inheritdoc cref="PerfEval.Application.Evaluations.ScorecardResponse.FindingCounts"/></param>
public sealed record ScorecardRow(
    string DepartmentCode,
    string DepartmentName,
    string Region,
    int FiscalYear,
    decimal? CompositeScore,
    Grade? Grade,
    string? GradeLabel,
    decimal? ExecutionRate,
    decimal? ExecutionScore,
    decimal InitialBudget,
    decimal AdjustedBudget,
    decimal Executed,
    FindingCounts FindingCounts)
{
    /// <summary>The read model's columns of a row, from <c>scorecards s JOIN departments d ON d.code = s.department_code</c>.</summary>
    internal const string Columns = """
        s.department_code AS DepartmentCode, d.name AS DepartmentName, d.region AS Region, s.fiscal_year AS FiscalYear,
        s.composite_score AS CompositeScore, s.grade AS Grade, s.execution_rate AS ExecutionRate,
        s.execution_score AS ExecutionScore, s.initial_budget AS InitialBudget, s.adjusted_budget AS AdjustedBudget,
        s.executed_amount AS Executed, s.error_count AS ErrorCount, s.warning_count AS WarningCount, s.info_count AS InfoCount
        """;

    /// <summary>Those columns as Dapper reads them.</summary>
    internal sealed record Kept
    {
        public required string DepartmentCode { get; init; }
        public required string DepartmentName { get; init; }
        public required string Region { get; init; }
        public int FiscalYear { get; init; }
        public decimal? CompositeScore { get; init; }
        public Grade? Grade { get; init; }
        public decimal? ExecutionRate { get; init; }
        public decimal? ExecutionScore { get; init; }
        public decimal InitialBudget { get; init; }
        public decimal AdjustedBudget { get; init; }
        public decimal Executed { get; init; }
        public int ErrorCount { get; init; }
        public int WarningCount { get; init; }
        public int InfoCount { get; init; }

        /// <summary>The row as shown: money with two decimals, rates and scores at the year's scheme's decimals.</summary>
        public ScorecardRow ToRow(Rounding shown) => new(
            DepartmentCode,
            DepartmentName,
            Region,
            FiscalYear,
            CompositeScore is { } composite ? shown.Shown(composite) : null,
            Grade,
            Grade is { } grade ? GradeLabels.Zh(grade) : null,
            ExecutionRate is { } rate ? shown.Shown(rate) : null,
            ExecutionScore is { } score ? shown.Shown(score) : null,
            Rounding.Money(InitialBudget),
            Rounding.Money(AdjustedBudget),
            Rounding.Money(Executed),
            new FindingCounts(ErrorCount, WarningCount, InfoCount));
    }
}
