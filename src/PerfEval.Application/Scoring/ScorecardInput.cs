using PerfEval.Application.Budgets;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;

namespace PerfEval.Application.Scoring;

/// <summary>
/// Everything one department-year is scored from; <see cref="ConflictingFacts"/> are facts its report
/// printed with different values (recorded when the report was committed), each a finding's text.
/// </summary>
public sealed record ScorecardInput(
    IReadOnlyList<BudgetLineInput> Lines,
    IReadOnlyList<IndicatorInput> Indicators,
    DeclaredFigures Declared,
    bool DataChangedAfterClose,
    IReadOnlyList<string>? ConflictingFacts = null);

/// <summary>One budget line in yuan: initial, Σ adjustments (signed) and executed amount.</summary>
public sealed record BudgetLineInput(
    ExpenditureClass Class,
    FundingSource Source,
    decimal Initial,
    decimal Adjustments,
    decimal Executed,
    long? LineId);

/// <summary>
/// One performance indicator as recorded. Quantitative: operator, target, mid-year and final value.
/// Qualitative: tier and score. The reviewer's deduction and the report's own (declared) completion
/// and score ride along.
/// </summary>
public sealed record IndicatorInput(
    int Sequence,
    string Name,
    IndicatorKind Kind,
    ComparisonOperator? Operator,
    decimal? Target,
    decimal? Weight,
    decimal? MidYearValue,
    decimal? FinalValue,
    QualitativeTier? Tier,
    decimal? QualitativeScore,
    decimal? ReviewerDeduction,
    string? DeductionReason,
    string? DeviationReason,
    decimal? DeclaredCompletion,
    decimal? DeclaredScore,
    long? IndicatorId);

/// <summary>
/// The report's own figures, as written: amounts in yuan, rates in %, scores in points. Each keeps
/// the scale it was written with (9.8m has scale 1), which is the precision it is checked at.
/// <see cref="ProjectBudget"/> and <see cref="ProjectExecuted"/> are the report's project totals
/// (项目总金额, 执行金额), compared with the project lines' adjusted and executed amounts.
/// </summary>
public sealed record DeclaredFigures(
    decimal? InitialBudget = null,
    decimal? Adjustments = null,
    decimal? AdjustedBudget = null,
    decimal? Executed = null,
    decimal? ExpenditureTotal = null,
    decimal? BasicExpenditure = null,
    decimal? ProjectExpenditure = null,
    decimal? InitialSuperior = null,
    decimal? InitialOwnLevel = null,
    decimal? InitialOther = null,
    decimal? AdjustmentRate = null,
    decimal? ExecutionRate = null,
    decimal? ExecutionScore = null,
    decimal? CompositeScore = null,
    Grade? Grade = null,
    decimal? ProjectBudget = null,
    decimal? ProjectExecuted = null)
{
    public static DeclaredFigures None { get; } =
        new(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
