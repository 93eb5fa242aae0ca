using PerfEval.Application.Evaluations;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.YearViews;

/// <summary>A department-year in one line: what rankings, comparisons and exports show.</summary>
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
