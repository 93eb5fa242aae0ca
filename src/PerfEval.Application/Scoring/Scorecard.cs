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

/// <summary>A readable formula with the actual numbers, and the named inputs it used.</summary>
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
    None = 0,
    /// <summary>Completion at or above the over-achievement threshold (120%).</summary>
    OverAchieved = 1,
    /// <summary>Completion at or above the target-too-low threshold (150%).</summary>
    TargetLikelyTooLow = 2,
    /// <summary>Completion below the under-achievement threshold (100%).</summary>
    UnderAchieved = 4,
    /// <summary>An `=` target not hit exactly.</summary>
    EqualTargetMissed = 8,
    /// <summary>Final value below the mid-year monitoring value.</summary>
    FinalBelowMidYear = 16,
    /// <summary>A qualitative score outside its tier's band.</summary>
    OutsideTier = 32,
    /// <summary>A reviewer's deduction was applied.</summary>
    Deducted = 64,
    /// <summary>The deviation (or deduction) reason the rules ask for is missing.</summary>
    ReasonMissing = 128,
}

/// <summary>A declared figure beside the computed one (as shown) and whether they agree.</summary>
public readonly record struct DeclaredCheck(decimal Declared, decimal? Computed, bool Consistent);

public readonly record struct DeclaredGradeCheck(Grade Declared, Grade? Computed, bool Consistent);

/// <summary>Each declared figure of the report beside the computed one; null where nothing was declared.</summary>
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
