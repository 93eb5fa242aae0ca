using System.Collections.Frozen;

namespace PerfEval.Application.Scoring;

/// <summary>
/// Something a reviewer should look at: a stable code (<see cref="FindingCodes"/>), how serious it
/// is, what it is about ("budget", "budget line 12", "indicator 3", "composite", "evaluation"),
/// the numbers involved and a message in Chinese and English naming them.
/// </summary>
public sealed record Finding(
    string Code,
    FindingSeverity Severity,
    string Subject,
    IReadOnlyDictionary<string, decimal?> Figures,
    string MessageZh,
    string MessageEn);

public enum FindingSeverity
{
    /// <summary>A figure is wrong or cannot be computed; the report needs correcting.</summary>
    Error,
    /// <summary>The rules ask for an explanation or a reviewer's look.</summary>
    Warning,
    /// <summary>Worth knowing; nothing to correct.</summary>
    Info,
}

/// <summary>A finding code, its fixed severity and what it means (documented in the API).</summary>
public sealed record FindingCodeInfo(string Code, FindingSeverity Severity, string Meaning);

/// <summary>Every finding code the scoring rules raise. Codes are stable: clients may switch on them.</summary>
public static class FindingCodes
{
    // Declared (report's own) figures that differ from the computed ones.
    public const string DeclaredInitialBudgetMismatch = "DECLARED_INITIAL_BUDGET_MISMATCH";
    public const string DeclaredAdjustmentsMismatch = "DECLARED_ADJUSTMENTS_MISMATCH";
    public const string DeclaredAdjustedBudgetMismatch = "DECLARED_ADJUSTED_BUDGET_MISMATCH";
    public const string DeclaredExecutedMismatch = "DECLARED_EXECUTED_MISMATCH";
    public const string DeclaredExpenditureTotalMismatch = "DECLARED_EXPENDITURE_TOTAL_MISMATCH";
    public const string DeclaredBasicExpenditureMismatch = "DECLARED_BASIC_EXPENDITURE_MISMATCH";
    public const string DeclaredProjectExpenditureMismatch = "DECLARED_PROJECT_EXPENDITURE_MISMATCH";
    public const string DeclaredInitialSuperiorMismatch = "DECLARED_INITIAL_SUPERIOR_MISMATCH";
    public const string DeclaredInitialOwnLevelMismatch = "DECLARED_INITIAL_OWN_LEVEL_MISMATCH";
    public const string DeclaredInitialOtherMismatch = "DECLARED_INITIAL_OTHER_MISMATCH";
    public const string DeclaredAdjustmentRateMismatch = "DECLARED_ADJUSTMENT_RATE_MISMATCH";
    public const string DeclaredExecutionRateMismatch = "DECLARED_EXECUTION_RATE_MISMATCH";
    public const string DeclaredExecutionScoreMismatch = "DECLARED_EXECUTION_SCORE_MISMATCH";
    public const string DeclaredCompositeMismatch = "DECLARED_COMPOSITE_MISMATCH";
    public const string DeclaredGradeMismatch = "DECLARED_GRADE_MISMATCH";
    public const string DeclaredCompletionMismatch = "DECLARED_COMPLETION_MISMATCH";
    public const string DeclaredScoreMismatch = "DECLARED_SCORE_MISMATCH";

    // Budget identities.
    public const string BudgetAdjustedIdentity = "BUDGET_ADJUSTED_IDENTITY";
    public const string BudgetClassSplit = "BUDGET_CLASS_SPLIT";
    public const string BudgetFundingSplit = "BUDGET_FUNDING_SPLIT";
    public const string ExecutedOverAdjusted = "EXECUTED_OVER_ADJUSTED";
    public const string AdjustedBudgetZero = "ADJUSTED_BUDGET_ZERO";

    // Weights and composite.
    public const string WeightTotalNot100 = "WEIGHT_TOTAL_NOT_100";
    public const string WeightMissing = "WEIGHT_MISSING";
    public const string WeightNegative = "WEIGHT_NEGATIVE";

    // Indicators.
    public const string TargetMissing = "TARGET_MISSING";
    public const string IndicatorValueMissing = "INDICATOR_VALUE_MISSING";
    public const string OverAchievementNoReason = "OVER_ACHIEVEMENT_NO_REASON";
    public const string TargetLikelyTooLow = "TARGET_LIKELY_TOO_LOW";
    public const string UnderAchievementNoReason = "UNDER_ACHIEVEMENT_NO_REASON";
    public const string EqualTargetMissed = "EQUAL_TARGET_MISSED";
    public const string FinalBelowMidYear = "FINAL_BELOW_MID_YEAR";
    public const string QualitativeScoreOutsideTier = "QUALITATIVE_SCORE_OUTSIDE_TIER";
    public const string QualitativeTierMissing = "QUALITATIVE_TIER_MISSING";
    public const string DeductionWithoutReason = "DEDUCTION_WITHOUT_REASON";
    public const string DeductionNegative = "DEDUCTION_NEGATIVE";
    public const string DeductionExceedsScore = "DEDUCTION_EXCEEDS_SCORE";

    // The evaluation as a whole.
    public const string ClosedYearDataChanged = "CLOSED_YEAR_DATA_CHANGED";

    // Mid-year monitoring (绩效运行监控).
    public const string MonitoringDeviationUnexplained = "MONITORING_DEVIATION_UNEXPLAINED";
    public const string MonitoringAheadOfSchedule = "MONITORING_AHEAD_OF_SCHEDULE";

    public static IReadOnlyList<FindingCodeInfo> All { get; } =
    [
        new(DeclaredInitialBudgetMismatch, FindingSeverity.Error, "Declared initial budget (年初预算数) differs from the sum of the budget lines."),
        new(DeclaredAdjustmentsMismatch, FindingSeverity.Error, "Declared adjustments (年中调整数) differ from the sum of the lines' adjustments."),
        new(DeclaredAdjustedBudgetMismatch, FindingSeverity.Error, "Declared adjusted budget (调整后全年预算数) differs from computed initial + adjustments."),
        new(DeclaredExecutedMismatch, FindingSeverity.Error, "Declared executed amount (执行数) differs from the sum of the lines' executed amounts."),
        new(DeclaredExpenditureTotalMismatch, FindingSeverity.Error, "Declared expenditure total (支出总额) differs from the computed executed amount."),
        new(DeclaredBasicExpenditureMismatch, FindingSeverity.Error, "Declared basic expenditure (基本支出) differs from the computed personnel + operating executed amount."),
        new(DeclaredProjectExpenditureMismatch, FindingSeverity.Error, "Declared project expenditure (项目支出) differs from the computed project executed amount."),
        new(DeclaredInitialSuperiorMismatch, FindingSeverity.Error, "Declared initial budget from superior funds (上级资金) differs from the lines."),
        new(DeclaredInitialOwnLevelMismatch, FindingSeverity.Error, "Declared initial budget from own-level funds (本级资金) differs from the lines."),
        new(DeclaredInitialOtherMismatch, FindingSeverity.Error, "Declared initial budget from other funds (其他资金) differs from the lines."),
        new(DeclaredAdjustmentRateMismatch, FindingSeverity.Error, "Declared adjustment rate (预算调整率) differs from the computed one at the declared precision."),
        new(DeclaredExecutionRateMismatch, FindingSeverity.Error, "Declared execution rate (预算执行率) differs from the computed one at the declared precision."),
        new(DeclaredExecutionScoreMismatch, FindingSeverity.Error, "Declared execution score differs from the computed one at the declared precision."),
        new(DeclaredCompositeMismatch, FindingSeverity.Error, "Declared composite score (综合得分) differs from the computed one before reviewer deductions."),
        new(DeclaredGradeMismatch, FindingSeverity.Error, "Declared grade (评价结果) differs from the grade of the computed composite before reviewer deductions."),
        new(DeclaredCompletionMismatch, FindingSeverity.Error, "An indicator's declared completion rate differs from the computed one (a declared 100% accepts any computed ≥ 100%)."),
        new(DeclaredScoreMismatch, FindingSeverity.Error, "An indicator's declared score differs from the rules' score before reviewer deductions."),
        new(BudgetAdjustedIdentity, FindingSeverity.Error, "Declared initial + adjustments ≠ declared adjusted budget."),
        new(BudgetClassSplit, FindingSeverity.Error, "Declared basic + project expenditure ≠ declared expenditure total."),
        new(BudgetFundingSplit, FindingSeverity.Error, "Declared superior + own-level + other initial budget ≠ declared initial budget."),
        new(ExecutedOverAdjusted, FindingSeverity.Error, "Executed amount exceeds the adjusted budget, overall (subject budget) or on one line (subject budget line N)."),
        new(AdjustedBudgetZero, FindingSeverity.Error, "The adjusted budget is 0: no execution rate, no execution score, no composite."),
        new(WeightTotalNot100, FindingSeverity.Warning, "Execution weight + indicator weights differ from the scheme's expected total (100); the composite is still computed."),
        new(WeightMissing, FindingSeverity.Error, "An indicator has no weight: it has no score and there is no composite."),
        new(WeightNegative, FindingSeverity.Error, "An indicator's weight is negative: it has no score and there is no composite."),
        new(TargetMissing, FindingSeverity.Error, "A quantitative indicator has no operator or no target: no completion, no score, no composite."),
        new(IndicatorValueMissing, FindingSeverity.Error, "An indicator has no final value (quantitative) or no score (qualitative): no completion, no score, no composite."),
        new(OverAchievementNoReason, FindingSeverity.Warning, "Completion at or above the over-achievement threshold (120%) without a deviation reason."),
        new(TargetLikelyTooLow, FindingSeverity.Warning, "Completion at or above the target-too-low threshold (150%): the target was likely set too low; a reviewer may deduct."),
        new(UnderAchievementNoReason, FindingSeverity.Warning, "Completion below the under-achievement threshold (100%) without a deviation reason."),
        new(EqualTargetMissed, FindingSeverity.Warning, "An `=` indicator's final value differs from its exact target (it is still scored as ≥)."),
        new(FinalBelowMidYear, FindingSeverity.Warning, "A quantitative indicator's final value is below its mid-year monitoring value."),
        new(QualitativeScoreOutsideTier, FindingSeverity.Error, "A qualitative score lies outside its tier's band (achieved [0.8w, w], partially [0.6w, 0.8w), not achieved [0, 0.6w))."),
        new(QualitativeTierMissing, FindingSeverity.Warning, "A qualitative indicator has a score but no tier, so its band cannot be checked."),
        new(DeductionWithoutReason, FindingSeverity.Error, "A reviewer's deduction was applied without a reason."),
        new(DeductionNegative, FindingSeverity.Error, "A reviewer's deduction is negative; it is not applied."),
        new(DeductionExceedsScore, FindingSeverity.Info, "A reviewer's deduction exceeds the indicator's score; the score stops at 0."),
        new(ClosedYearDataChanged, FindingSeverity.Error, "The fiscal year is closed but its data changed after closing."),
        new(MonitoringDeviationUnexplained, FindingSeverity.Warning, "A monitoring round's red or yellow item (budget or indicator) lacks its cause category with text, its likelihood of meeting the target or its expected full-year value."),
        new(MonitoringAheadOfSchedule, FindingSeverity.Info, "A monitoring round's indicator is blue (at or above 120% of the prorated target): ahead of schedule, check whether the target was set too low."),
    ];
}

/// <summary>
/// Finding codes as bits, in the order of <see cref="FindingCodes.All"/> (a test holds the two in
/// step): what compact scoring records instead of building findings.
/// </summary>
[Flags]
internal enum FindingSet : ulong
{
    None = 0,
    DeclaredInitialBudgetMismatch = 1UL << 0,
    DeclaredAdjustmentsMismatch = 1UL << 1,
    DeclaredAdjustedBudgetMismatch = 1UL << 2,
    DeclaredExecutedMismatch = 1UL << 3,
    DeclaredExpenditureTotalMismatch = 1UL << 4,
    DeclaredBasicExpenditureMismatch = 1UL << 5,
    DeclaredProjectExpenditureMismatch = 1UL << 6,
    DeclaredInitialSuperiorMismatch = 1UL << 7,
    DeclaredInitialOwnLevelMismatch = 1UL << 8,
    DeclaredInitialOtherMismatch = 1UL << 9,
    DeclaredAdjustmentRateMismatch = 1UL << 10,
    DeclaredExecutionRateMismatch = 1UL << 11,
    DeclaredExecutionScoreMismatch = 1UL << 12,
    DeclaredCompositeMismatch = 1UL << 13,
    DeclaredGradeMismatch = 1UL << 14,
    DeclaredCompletionMismatch = 1UL << 15,
    DeclaredScoreMismatch = 1UL << 16,
    BudgetAdjustedIdentity = 1UL << 17,
    BudgetClassSplit = 1UL << 18,
    BudgetFundingSplit = 1UL << 19,
    ExecutedOverAdjusted = 1UL << 20,
    AdjustedBudgetZero = 1UL << 21,
    WeightTotalNot100 = 1UL << 22,
    WeightMissing = 1UL << 23,
    WeightNegative = 1UL << 24,
    TargetMissing = 1UL << 25,
    IndicatorValueMissing = 1UL << 26,
    OverAchievementNoReason = 1UL << 27,
    TargetLikelyTooLow = 1UL << 28,
    UnderAchievementNoReason = 1UL << 29,
    EqualTargetMissed = 1UL << 30,
    FinalBelowMidYear = 1UL << 31,
    QualitativeScoreOutsideTier = 1UL << 32,
    QualitativeTierMissing = 1UL << 33,
    DeductionWithoutReason = 1UL << 34,
    DeductionNegative = 1UL << 35,
    DeductionExceedsScore = 1UL << 36,
    ClosedYearDataChanged = 1UL << 37,
    MonitoringDeviationUnexplained = 1UL << 38,
    MonitoringAheadOfSchedule = 1UL << 39,
}

internal static class FindingSets
{
    private static readonly FindingSet[] BySeverity = Masks();

    private static readonly FrozenDictionary<string, FindingSet> ByCode =
        FindingCodes.All.Select((c, i) => (c.Code, Bit: (FindingSet)(1UL << i))).ToFrozenDictionary(c => c.Code, c => c.Bit);

    /// <summary>The bit of a code; none for a code the rules do not raise.</summary>
    public static FindingSet Of(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>Every code of that severity.</summary>
    public static FindingSet Severity(FindingSeverity severity) => BySeverity[(int)severity];

    /// <summary>How many findings of each severity a set holds (one per bit).</summary>
    public static (int Error, int Warning, int Info) Count(FindingSet set) => (
        System.Numerics.BitOperations.PopCount((ulong)(set & BySeverity[(int)FindingSeverity.Error])),
        System.Numerics.BitOperations.PopCount((ulong)(set & BySeverity[(int)FindingSeverity.Warning])),
        System.Numerics.BitOperations.PopCount((ulong)(set & BySeverity[(int)FindingSeverity.Info])));

    private static FindingSet[] Masks()
    {
        var masks = new FindingSet[3];
        for (var i = 0; i < FindingCodes.All.Count; i++)
        {
            masks[(int)FindingCodes.All[i].Severity] |= (FindingSet)(1UL << i);
        }
        return masks;
    }
}
