using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;

namespace PerfEval.Application.Scoring;

/// <summary>
/// One department-year recomputed by rule: budget figures, execution score, indicator scores,
/// composite and grade, the report's declared figures beside the computed ones, and the findings.
/// </summary>
public sealed record Scorecard(
    BudgetBreakdown Budget,
    Computed ExecutionScore,
    IReadOnlyList<IndicatorScore> Indicators,
    Computed WeightTotal,
    Computed CompositeScore,
    Grade? Grade,
    DeclaredComparison Declared,
    IReadOnlyList<Finding> Findings);

/// <summary>
/// A computed number (rates and scores rounded for display; amounts exact) and, when asked for,
/// how it was computed.
/// </summary>
public readonly record struct Computed(decimal? Value, Explanation? Explanation);

/// <summary>How a number was computed: the formula with the actual numbers, and its named inputs.</summary>
/// <param name="Formula">The formula with the actual numbers, e.g. `max(36142.0 / 35000.0 × 100, 0)`.</param>
/// <param name="Inputs">The named inputs at full precision.</param>
public sealed record Explanation(string Formula, IReadOnlyDictionary<string, decimal?> Inputs);

/// <summary>Amounts in yuan, rates in % rounded for display (null when their base is 0).</summary>
public sealed record BudgetFigures(
    Computed Initial,
    Computed Adjustments,
    Computed Adjusted,
    Computed Executed,
    Computed AdjustmentRate,
    Computed ExecutionRate);

/// <summary>The budget overall, per expenditure class (basic = personnel + operating + basic lines not split) and per funding source (lines that state none are in no source).</summary>
public sealed record BudgetBreakdown(
    BudgetFigures Overall,
    BudgetFigures Personnel,
    BudgetFigures Operating,
    BudgetFigures Basic,
    BudgetFigures Project,
    BudgetFigures Superior,
    BudgetFigures OwnLevel,
    BudgetFigures Other);

/// <summary>
/// One indicator scored: completion (uncapped, never below 0), the rules' score
/// (weight × min(completion / 100, 1)), the reviewer's deduction applied and the final score.
/// </summary>
public sealed record IndicatorScore(
    int Sequence,
    long? IndicatorId,
    string Name,
    IndicatorKind Kind,
    decimal? Weight,
    Computed Completion,
    Computed CappedScore,
    decimal? Deduction,
    Computed Score,
    IndicatorFlags Flags,
    DeclaredCheck? DeclaredCompletion,
    DeclaredCheck? DeclaredScore);

/// <summary>What stands out about an indicator; each flag has a finding beside it.</summary>
[Flags]
public enum IndicatorFlags
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>completion ≥ the over-achievement threshold (120 %).</summary>
    OverAchieved = 1,
    /// <summary>completion ≥ the target-too-low threshold (150 %).</summary>
    TargetLikelyTooLow = 2,
    /// <summary>completion below 100 %.</summary>
    UnderAchieved = 4,
    /// <summary>an `=` target not hit exactly.</summary>
    EqualTargetMissed = 8,
    /// <summary>final value below the mid-year monitoring value.</summary>
    FinalBelowMidYear = 16,
    /// <summary>a qualitative score outside its tier's band.</summary>
    OutsideTier = 32,
    /// <summary>a reviewer's deduction was applied.</summary>
    Deducted = 64,
    /// <summary>the deviation (or deduction) reason the rules ask for is missing.</summary>
    ReasonMissing = 128,
}

/// <summary>A declared figure beside the computed one and whether they agree.</summary>
/// <param name="Declared">The declared figure, as written.</param>
/// <param name="Computed">The computed figure, as shown (2 decimals); null when it cannot be computed.</param>
/// <param name="Consistent">true when the declared figure equals the computed one rounded to the declared figure's own decimals (a declared 100 % also accepts any computed completion ≥ 100 %).</param>
public readonly record struct DeclaredCheck(decimal Declared, decimal? Computed, bool Consistent);

/// <summary>The declared grade beside the grade of the computed composite.</summary>
/// <param name="Declared">The declared grade.</param>
/// <param name="Computed">The grade of the computed composite; null without a composite.</param>
/// <param name="Consistent">true when both grades agree.</param>
public readonly record struct DeclaredGradeCheck(Grade Declared, Grade? Computed, bool Consistent);

/// <summary>Each declared figure of the report beside the computed one; null where nothing was declared.</summary>
/// <param name="InitialBudget">年初预算数: declared vs the sum of the lines.</param>
/// <param name="Adjustments">年中调整数: declared vs the sum of the lines' adjustments.</param>
/// <param name="AdjustedBudget">调整后全年预算数: declared vs initial + adjustments.</param>
/// <param name="Executed">执行数: declared vs the sum of the lines.</param>
/// <param name="ExpenditureTotal">支出总额: declared vs the computed executed amount.</param>
/// <param name="BasicExpenditure">基本支出: declared vs personnel + operating executed.</param>
/// <param name="ProjectExpenditure">项目支出: declared vs project executed.</param>
/// <param name="InitialSuperior">上级资金 initial budget: declared vs the lines.</param>
/// <param name="InitialOwnLevel">本级资金 initial budget: declared vs the lines.</param>
/// <param name="InitialOther">其他资金 initial budget: declared vs the lines.</param>
/// <param name="AdjustmentRate">预算调整率: declared vs computed.</param>
/// <param name="ExecutionRate">预算执行率: declared vs computed.</param>
/// <param name="ExecutionScore">Execution score: declared vs computed.</param>
/// <param name="CompositeScore">综合得分: declared vs computed (before reviewer deductions).</param>
/// <param name="Grade">评价结果: declared vs the grade of the computed composite.</param>
public sealed record DeclaredComparison(
    DeclaredCheck? InitialBudget,
    DeclaredCheck? Adjustments,
    DeclaredCheck? AdjustedBudget,
    DeclaredCheck? Executed,
    DeclaredCheck? ExpenditureTotal,
    DeclaredCheck? BasicExpenditure,
    DeclaredCheck? ProjectExpenditure,
    DeclaredCheck? InitialSuperior,
    DeclaredCheck? InitialOwnLevel,
    DeclaredCheck? InitialOther,
    DeclaredCheck? AdjustmentRate,
    DeclaredCheck? ExecutionRate,
    DeclaredCheck? ExecutionScore,
    DeclaredCheck? CompositeScore,
    DeclaredGradeCheck? Grade);
