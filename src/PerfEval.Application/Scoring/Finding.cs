using System.Collections.Frozen;

namespace PerfEval.Application.Scoring;

/// <summary>
/// Something a reviewer should look at: a stable code (<see cref="FindingCatalogue"/>), how serious it
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

/// <summary>
/// One kind of finding, said once: its stable code (clients may switch on it), its fixed severity,
/// what it means in Chinese and English (the contract's enum and the README table are made from
/// these), and the Chinese and English messages a finding of this kind carries.
/// </summary>
/// <remarks>
/// A message template names the finding's figures in braces: <c>{name}</c> writes the figure as the
/// report wrote it, <c>{name:money}</c> as money (two decimals) and <c>{name:shown}</c> at the scheme's
/// display decimals; the finding's own figures are held in the same form. Any other brace name is a
/// text the finding supplies (a grade, a tier). <see cref="WithoutComputedZh"/> and
/// <see cref="WithoutComputedEn"/> are used instead when the computed figure does not exist.
/// </remarks>
public sealed record FindingKind(
    string Code,
    FindingSeverity Severity,
    string MeaningZh,
    string MeaningEn,
    string MessageZh,
    string MessageEn,
    string? WithoutComputedZh = null,
    string? WithoutComputedEn = null)
{
    /// <summary>This kind's bit in a <see cref="FindingSet"/>: its position in <see cref="FindingCatalogue.All"/>.</summary>
    internal FindingSet Bit { get; set; }
}

/// <summary>The one catalogue of findings the rules raise. Codes are stable: clients may switch on them.</summary>
public static class FindingCatalogue
{
    // Declared (report's own) figures that differ from the computed ones, in the order of DeclaredItem.
    public static readonly FindingKind DeclaredInitialBudgetMismatch = DeclaredAmount("DECLARED_INITIAL_BUDGET_MISMATCH",
        "年初预算数", "initial budget", "申报年初预算数与各预算行年初数之和不一致", "Declared initial budget (年初预算数) differs from the sum of the budget lines.");
    public static readonly FindingKind DeclaredAdjustmentsMismatch = DeclaredAmount("DECLARED_ADJUSTMENTS_MISMATCH",
        "年中调整数", "budget adjustments", "申报年中调整数与各预算行调整数之和不一致", "Declared adjustments (年中调整数) differ from the sum of the lines' adjustments.");
    public static readonly FindingKind DeclaredAdjustedBudgetMismatch = DeclaredAmount("DECLARED_ADJUSTED_BUDGET_MISMATCH",
        "调整后全年预算数", "adjusted budget", "申报调整后全年预算数与计算的年初数 + 调整数不一致", "Declared adjusted budget (调整后全年预算数) differs from computed initial + adjustments.");
    public static readonly FindingKind DeclaredExecutedMismatch = DeclaredAmount("DECLARED_EXECUTED_MISMATCH",
        "执行数", "executed amount", "申报执行数与各预算行执行数之和不一致", "Declared executed amount (执行数) differs from the sum of the lines' executed amounts.");
    public static readonly FindingKind DeclaredExpenditureTotalMismatch = DeclaredAmount("DECLARED_EXPENDITURE_TOTAL_MISMATCH",
        "支出总额", "expenditure total", "申报支出总额与计算的执行数不一致", "Declared expenditure total (支出总额) differs from the computed executed amount.");
    public static readonly FindingKind DeclaredBasicExpenditureMismatch = DeclaredAmount("DECLARED_BASIC_EXPENDITURE_MISMATCH",
        "基本支出", "basic expenditure", "申报基本支出与计算的基本支出（人员经费 + 公用经费 + 未分人员、公用的基本支出）执行数不一致", "Declared basic expenditure (基本支出) differs from the computed basic executed amount (personnel + operating + basic lines not split).");
    public static readonly FindingKind DeclaredProjectExpenditureMismatch = DeclaredAmount("DECLARED_PROJECT_EXPENDITURE_MISMATCH",
        "项目支出", "project expenditure", "申报项目支出与计算的项目执行数不一致", "Declared project expenditure (项目支出) differs from the computed project executed amount.");
    public static readonly FindingKind DeclaredInitialSuperiorMismatch = DeclaredAmount("DECLARED_INITIAL_SUPERIOR_MISMATCH",
        "上级资金年初预算数", "initial budget from superior funds", "申报上级资金年初预算数与各预算行不一致", "Declared initial budget from superior funds (上级资金) differs from the lines.");
    public static readonly FindingKind DeclaredInitialOwnLevelMismatch = DeclaredAmount("DECLARED_INITIAL_OWN_LEVEL_MISMATCH",
        "本级资金年初预算数", "initial budget from own-level funds", "申报本级资金年初预算数与各预算行不一致", "Declared initial budget from own-level funds (本级资金) differs from the lines.");
    public static readonly FindingKind DeclaredInitialOtherMismatch = DeclaredAmount("DECLARED_INITIAL_OTHER_MISMATCH",
        "其他资金年初预算数", "initial budget from other funds", "申报其他资金年初预算数与各预算行不一致", "Declared initial budget from other funds (其他资金) differs from the lines.");
    public static readonly FindingKind DeclaredAdjustmentRateMismatch = DeclaredShown("DECLARED_ADJUSTMENT_RATE_MISMATCH",
        "预算调整率", "adjustment rate", "%", "%", "申报预算调整率与按申报精度计算的值不一致", "Declared adjustment rate (预算调整率) differs from the computed one at the declared precision.");
    public static readonly FindingKind DeclaredExecutionRateMismatch = DeclaredShown("DECLARED_EXECUTION_RATE_MISMATCH",
        "预算执行率", "execution rate", "%", "%", "申报预算执行率与按申报精度计算的值不一致", "Declared execution rate (预算执行率) differs from the computed one at the declared precision.");
    public static readonly FindingKind DeclaredExecutionScoreMismatch = DeclaredShown("DECLARED_EXECUTION_SCORE_MISMATCH",
        "预算执行得分", "execution score", " 分", " points", "申报预算执行得分与按申报精度计算的值不一致", "Declared execution score differs from the computed one at the declared precision.");
    public static readonly FindingKind DeclaredCompositeMismatch = DeclaredShown("DECLARED_COMPOSITE_MISMATCH",
        "综合得分", "composite score", " 分", " points", "申报综合得分与复核扣分前的计算值不一致", "Declared composite score (综合得分) differs from the computed one before reviewer deductions.");
    public static readonly FindingKind DeclaredGradeMismatch = new("DECLARED_GRADE_MISMATCH", FindingSeverity.Error,
        "申报评价结果与复核扣分前综合得分对应的等级不一致", "Declared grade (评价结果) differs from the grade of the computed composite before reviewer deductions.",
        "申报评价结果「{declaredGrade}」与按综合得分 {computedComposite:shown} 分计算的结果「{computedGrade}」不一致",
        "Declared grade {declaredGradeEn} differs from computed {computedGradeEn} (composite {computedComposite:shown} points)",
        "申报评价结果「{declaredGrade}」，但没有综合得分，无法计算评价结果",
        "Declared grade {declaredGradeEn}, but there is no composite score to grade");
    public static readonly FindingKind DeclaredCompletionMismatch = DeclaredShown("DECLARED_COMPLETION_MISMATCH",
        "完成率", "completion rate", "%", "%", "指标申报完成率与计算值不一致（申报 100% 时计算值 ≥ 100% 即视为一致）", "An indicator's declared completion rate differs from the computed one (a declared 100% accepts any computed ≥ 100%).");
    public static readonly FindingKind DeclaredScoreMismatch = DeclaredShown("DECLARED_SCORE_MISMATCH",
        "得分", "score", " 分", " points", "指标申报得分与复核扣分前按规则计算的得分不一致", "An indicator's declared score differs from the rules' score before reviewer deductions.");

    // Budget identities.
    public static readonly FindingKind BudgetAdjustedIdentity = new("BUDGET_ADJUSTED_IDENTITY", FindingSeverity.Error,
        "申报年初预算数 + 年中调整数 ≠ 申报调整后全年预算数", "Declared initial + adjustments ≠ declared adjusted budget.",
        "申报年初预算数 {initialBudget:money} 元 + 年中调整数 {adjustments:money} 元 = {sum:money} 元，与申报调整后全年预算数 {adjustedBudget:money} 元 不一致",
        "Declared initial budget {initialBudget:money} + adjustments {adjustments:money} = {sum:money} yuan differs from the declared adjusted budget {adjustedBudget:money} yuan");
    public static readonly FindingKind BudgetClassSplit = new("BUDGET_CLASS_SPLIT", FindingSeverity.Error,
        "申报基本支出 + 项目支出 ≠ 申报支出总额", "Declared basic + project expenditure ≠ declared expenditure total.",
        "申报基本支出 {basicExpenditure:money} 元 + 项目支出 {projectExpenditure:money} 元 = {sum:money} 元，与申报支出总额 {expenditureTotal:money} 元 不一致",
        "Declared basic expenditure {basicExpenditure:money} + project expenditure {projectExpenditure:money} = {sum:money} yuan differs from the declared expenditure total {expenditureTotal:money} yuan");
    public static readonly FindingKind BudgetFundingSplit = new("BUDGET_FUNDING_SPLIT", FindingSeverity.Error,
        "申报上级资金 + 本级资金 + 其他资金 ≠ 申报年初预算数", "Declared superior + own-level + other initial budget ≠ declared initial budget.",
        "申报上级资金 {initialSuperior:money} 元 + 本级资金 {initialOwnLevel:money} 元 + 其他资金 {initialOther:money} 元 = {sum:money} 元，与申报年初预算数 {initialBudget:money} 元 不一致",
        "Declared superior {initialSuperior:money} + own-level {initialOwnLevel:money} + other {initialOther:money} = {sum:money} yuan differs from the declared initial budget {initialBudget:money} yuan");
    public static readonly FindingKind ExecutedOverAdjusted = new("EXECUTED_OVER_ADJUSTED", FindingSeverity.Error,
        "执行数超过调整后预算数（整体或某一预算行）", "Executed amount exceeds the adjusted budget, overall (subject budget) or on one line (subject budget line N).",
        "执行数 {executed:money} 元 超过调整后预算数 {adjusted:money} 元（超出 {excess:money} 元）",
        "Executed {executed:money} yuan exceeds the adjusted budget {adjusted:money} yuan (by {excess:money} yuan)");
    public static readonly FindingKind AdjustedBudgetZero = new("ADJUSTED_BUDGET_ZERO", FindingSeverity.Error,
        "调整后全年预算数为 0：无执行率、执行得分和综合得分", "The adjusted budget is 0: no execution rate, no execution score, no composite.",
        "调整后全年预算数为 0，无法计算预算执行率、执行得分和综合得分",
        "The adjusted budget is 0: no execution rate, execution score or composite can be computed");

    // Weights and composite.
    public static readonly FindingKind WeightTotalNot100 = new("WEIGHT_TOTAL_NOT_100", FindingSeverity.Warning,
        "预算执行权重 + 指标权重之和不等于方案规定的合计（100）；综合得分照常计算", "Execution weight + indicator weights differ from the scheme's expected total (100); the composite is still computed.",
        "权重合计 {weightTotal:shown} 分（预算执行 {executionWeight:shown} + 指标 {indicatorWeights:shown}）不等于 {expected:shown} 分；综合得分仍按所给权重计算",
        "Weights total {weightTotal:shown} (execution {executionWeight:shown} + indicators {indicatorWeights:shown}), not {expected:shown}; the composite is still computed from the weights as given");
    public static readonly FindingKind WeightMissing = new("WEIGHT_MISSING", FindingSeverity.Error,
        "指标缺少权重：无得分，无综合得分", "An indicator has no weight: it has no score and there is no composite.",
        "缺少权重（分值），无法计算该指标得分和综合得分",
        "has no weight: no score and no composite");
    public static readonly FindingKind WeightNegative = new("WEIGHT_NEGATIVE", FindingSeverity.Error,
        "指标权重为负数：无得分，无综合得分", "An indicator's weight is negative: it has no score and there is no composite.",
        "权重 {weight:shown} 为负数，无法计算该指标得分和综合得分",
        "has a negative weight {weight:shown}: no score and no composite");

    // Indicators.
    public static readonly FindingKind TargetMissing = new("TARGET_MISSING", FindingSeverity.Error,
        "定量指标缺少比较符或指标值：无完成率、得分和综合得分", "A quantitative indicator has no operator or no target: no completion, no score, no composite.",
        "缺少比较符或指标值，无法计算完成率和得分",
        "has no operator or no target: no completion rate and no score");
    public static readonly FindingKind IndicatorValueMissing = new("INDICATOR_VALUE_MISSING", FindingSeverity.Error,
        "缺少完成值（定量）或评分（定性）：无完成率、得分和综合得分", "An indicator has no final value (quantitative) or no score (qualitative): no completion, no score, no composite.",
        "缺少{missingZh}，无法计算完成率和得分",
        "has no {missingEn}: no completion rate and no score");
    public static readonly FindingKind OverAchievementNoReason = new("OVER_ACHIEVEMENT_NO_REASON", FindingSeverity.Warning,
        "完成率达到超额阈值（120%）而未说明偏差原因", "Completion at or above the over-achievement threshold (120%) without a deviation reason.",
        "完成率 {completion:shown}% 达到 {threshold}% 以上，未填写偏差原因",
        "completion {completion:shown}% is at or above {threshold}% but no deviation reason is given");
    public static readonly FindingKind TargetLikelyTooLow = new("TARGET_LIKELY_TOO_LOW", FindingSeverity.Warning,
        "完成率达到目标偏低阈值（150%）：指标值可能设置偏低，复核人员可扣分", "Completion at or above the target-too-low threshold (150%): the target was likely set too low; a reviewer may deduct.",
        "完成率 {completion:shown}% 达到 {threshold}% 以上，指标值 {target} 可能设置偏低；如确属偏低，由复核人员按偏差扣分并注明原因",
        "completion {completion:shown}% is at or above {threshold}%: the target {target} was likely set too low; a reviewer may deduct for the deviation, with a reason");
    public static readonly FindingKind UnderAchievementNoReason = new("UNDER_ACHIEVEMENT_NO_REASON", FindingSeverity.Warning,
        "完成率低于未完成阈值（100%）而未说明偏差原因", "Completion below the under-achievement threshold (100%) without a deviation reason.",
        "完成率 {completion:shown}% 低于 {threshold}%，未填写偏差原因",
        "completion {completion:shown}% is below {threshold}% but no deviation reason is given");
    public static readonly FindingKind EqualTargetMissed = new("EQUAL_TARGET_MISSED", FindingSeverity.Warning,
        "「等于」指标的完成值与指标值不相等（仍按 ≥ 计分）", "An `=` indicator's final value differs from its exact target (it is still scored as ≥).",
        "指标值为等于 {target}，本次评价完成值 {finalValue} 未恰好达到",
        "target is exactly {target} but the final value is {finalValue}");
    public static readonly FindingKind FinalBelowMidYear = new("FINAL_BELOW_MID_YEAR", FindingSeverity.Warning,
        "定量指标的完成值低于年中监控完成值", "A quantitative indicator's final value is below its mid-year monitoring value.",
        "本次评价完成值 {finalValue} 低于年中监控完成值 {midYearValue}",
        "final value {finalValue} is below the mid-year value {midYearValue}");
    public static readonly FindingKind QualitativeScoreOutsideTier = new("QUALITATIVE_SCORE_OUTSIDE_TIER", FindingSeverity.Error,
        "定性评分不在其档次区间内（达成 [0.8w, w]，部分达成 [0.6w, 0.8w)，未达成 [0, 0.6w)）", "A qualitative score lies outside its tier's band (achieved [0.8w, w], partially [0.6w, 0.8w), not achieved [0, 0.6w)).",
        "定性评分 {qualitativeScore} 不在「{tierZh}」区间 [{bandFrom:shown}, {bandTo:shown}{bandEnd} 内（权重 {weight:shown}）",
        "qualitative score {qualitativeScore} lies outside the {tierEn} band [{bandFrom:shown}, {bandTo:shown}{bandEnd} (weight {weight:shown})");
    public static readonly FindingKind QualitativeTierMissing = new("QUALITATIVE_TIER_MISSING", FindingSeverity.Warning,
        "定性指标有评分但未注明档次，无法核对区间", "A qualitative indicator has a score but no tier, so its band cannot be checked.",
        "定性评分 {qualitativeScore} 未注明评价档次（达成/部分达成/未达成），无法核对区间",
        "qualitative score {qualitativeScore} has no tier (achieved / partially / not achieved), so its band cannot be checked");
    public static readonly FindingKind DeductionWithoutReason = new("DEDUCTION_WITHOUT_REASON", FindingSeverity.Error,
        "复核扣分未说明原因（扣分仍然生效）", "A reviewer's deduction was applied without a reason.",
        "复核扣分 {deduction} 分未填写扣分原因",
        "reviewer deduction of {deduction} points has no reason");
    public static readonly FindingKind DeductionNegative = new("DEDUCTION_NEGATIVE", FindingSeverity.Error,
        "复核扣分为负数，未予采用", "A reviewer's deduction is negative; it is not applied.",
        "复核扣分 {deduction} 为负数，未予采用",
        "reviewer deduction {deduction} is negative and is not applied");
    public static readonly FindingKind DeductionExceedsScore = new("DEDUCTION_EXCEEDS_SCORE", FindingSeverity.Info,
        "复核扣分超过该指标得分，得分按 0 分计", "A reviewer's deduction exceeds the indicator's score; the score stops at 0.",
        "复核扣分 {deduction} 分超过得分 {score:shown} 分，得分按 0 分计",
        "reviewer deduction of {deduction} points exceeds the score {score:shown}; the score stops at 0");

    // The evaluation as a whole.
    public static readonly FindingKind ClosedYearDataChanged = new("CLOSED_YEAR_DATA_CHANGED", FindingSeverity.Error,
        "年度已关闭，但其数据在关闭后发生了变更", "The fiscal year is closed but its data changed after closing.",
        "年度已关闭，但其数据在关闭后发生了变更",
        "The fiscal year is closed but its data changed after closing");

    public static readonly FindingKind DeclaredProjectBudgetMismatch = DeclaredAmount("DECLARED_PROJECT_BUDGET_MISMATCH",
        "项目总金额", "project budget total", "申报项目总金额与各项目支出行调整后预算数之和不一致", "Declared project budget total (项目总金额) differs from the project lines' adjusted budget.");
    public static readonly FindingKind DeclaredProjectExecutedMismatch = DeclaredAmount("DECLARED_PROJECT_EXECUTED_MISMATCH",
        "项目执行金额", "project executed total", "申报项目执行金额与各项目支出行执行数之和不一致", "Declared project executed total (项目执行金额) differs from the project lines' executed amount.");
    public static readonly FindingKind DeclaredPersonnelMismatch = DeclaredAmount("DECLARED_PERSONNEL_MISMATCH",
        "人员经费", "personnel budget", "申报人员经费与人员经费预算行的调整后预算数之和不一致", "Declared personnel budget (人员经费) differs from the personnel lines' adjusted budget (not checked while a basic line leaves the split unstated).");
    public static readonly FindingKind DeclaredOperatingMismatch = DeclaredAmount("DECLARED_OPERATING_MISMATCH",
        "公用经费", "operating budget", "申报公用经费与公用经费预算行的调整后预算数之和不一致", "Declared operating budget (公用经费) differs from the operating lines' adjusted budget (not checked while a basic line leaves the split unstated).");
    public static readonly FindingKind ReportFactsConflicting = new("REPORT_FACTS_CONFLICTING", FindingSeverity.Warning,
        "报告对同一事实前后给出不同的值（如两个编制总数），已原样记录", "The report states one fact with different values (two staffing totals, say); both are recorded as printed.",
        "报告有 {count} 处事实前后不一致：{factsZh}",
        "The report states {count} fact(s) with different values: {factsEn}");
    // Mid-year monitoring (绩效运行监控).
    public static readonly FindingKind MonitoringDeviationUnexplained = new("MONITORING_DEVIATION_UNEXPLAINED", FindingSeverity.Warning,
        "监控轮次中亮红灯或黄灯的项目（预算或指标）未说明偏差原因类别及说明、完成目标可能性或全年预计完成值",
        "A monitoring round's red or yellow item (budget or indicator) lacks its cause category with text, its likelihood of meeting the target or its expected full-year value.",
        "亮{lightZh}，但未说明偏差原因类别及说明、完成目标可能性和全年预计完成值",
        "{lightEn} light without a cause category with text, a likelihood of meeting the target and an expected full-year value");
    public static readonly FindingKind MonitoringAheadOfSchedule = new("MONITORING_AHEAD_OF_SCHEDULE", FindingSeverity.Info,
        "监控轮次中指标亮蓝灯（进度比 ≥ 120）：超前于序时进度，请核查目标是否设置偏低",
        "A monitoring round's indicator is blue (ratio at or above 120): ahead of schedule, check whether the target was set too low.",
        "进度比 {ratio:shown}% 亮蓝灯，超前于序时进度：请核查目标是否设置偏低",
        "progress ratio {ratio:shown}% is blue, ahead of schedule: check whether the target was set too low");

    /// <summary>Every kind, declared-figure mismatches first in the order of the rules' declared items.</summary>
    public static IReadOnlyList<FindingKind> All { get; } = Numbered(
    [
        DeclaredInitialBudgetMismatch, DeclaredAdjustmentsMismatch, DeclaredAdjustedBudgetMismatch, DeclaredExecutedMismatch,
        DeclaredExpenditureTotalMismatch, DeclaredBasicExpenditureMismatch, DeclaredProjectExpenditureMismatch,
        DeclaredInitialSuperiorMismatch, DeclaredInitialOwnLevelMismatch, DeclaredInitialOtherMismatch,
        DeclaredAdjustmentRateMismatch, DeclaredExecutionRateMismatch, DeclaredExecutionScoreMismatch, DeclaredCompositeMismatch,
        DeclaredGradeMismatch, DeclaredCompletionMismatch, DeclaredScoreMismatch,
        BudgetAdjustedIdentity, BudgetClassSplit, BudgetFundingSplit, ExecutedOverAdjusted, AdjustedBudgetZero,
        WeightTotalNot100, WeightMissing, WeightNegative,
        TargetMissing, IndicatorValueMissing, OverAchievementNoReason, TargetLikelyTooLow, UnderAchievementNoReason,
        EqualTargetMissed, FinalBelowMidYear, QualitativeScoreOutsideTier, QualitativeTierMissing,
        DeductionWithoutReason, DeductionNegative, DeductionExceedsScore,
        ClosedYearDataChanged,
        MonitoringDeviationUnexplained, MonitoringAheadOfSchedule,
        ReportFactsConflicting, DeclaredProjectBudgetMismatch, DeclaredProjectExecutedMismatch,
        DeclaredPersonnelMismatch, DeclaredOperatingMismatch,
    ]);

    private static readonly FrozenDictionary<string, FindingKind> ByCode = All.ToFrozenDictionary(k => k.Code);

    /// <summary>The kind of a code; none for a code the rules do not raise.</summary>
    public static FindingKind? Of(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The catalogue as the README's table: code, severity, meaning in Chinese, meaning in English.</summary>
    public static string MarkdownTable() =>
        "| code | severity | 含义 | meaning |\n|---|---|---|---|\n"
        + string.Concat(All.Select(k => $"| `{k.Code}` | {k.Severity.ToString().ToLowerInvariant()} | {Cell(k.MeaningZh)} | {Cell(k.MeaningEn)} |\n"));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static FindingKind DeclaredAmount(string code, string nameZh, string nameEn, string meaningZh, string meaningEn) => new(
        code, FindingSeverity.Error, meaningZh, meaningEn,
        $"申报{nameZh} {{declared:money}} 元 与计算值 {{computed:money}} 元 不一致",
        $"Declared {nameEn} {{declared:money}} yuan differs from computed {{computed:money}} yuan");

    private static FindingKind DeclaredShown(string code, string nameZh, string nameEn, string unitZh, string unitEn, string meaningZh, string meaningEn) => new(
        code, FindingSeverity.Error, meaningZh, meaningEn,
        $"申报{nameZh} {{declared}}{unitZh} 与计算值 {{computed:shown}}{unitZh} 不一致",
        $"Declared {nameEn} {{declared}}{unitEn} differs from computed {{computed:shown}}{unitEn}",
        $"申报{nameZh} {{declared}}{unitZh}，但按规则无法计算该值",
        $"Declared {nameEn} {{declared}}{unitEn}, but it cannot be computed");

    private static FindingKind[] Numbered(FindingKind[] kinds)
    {
        for (var i = 0; i < kinds.Length; i++)
        {
            kinds[i].Bit = (FindingSet)(1UL << i);
        }
        return kinds;
    }
}

/// <summary>
/// Finding kinds as bits (<see cref="FindingKind.Bit"/>): what the rules record instead of building
/// findings, so a clean scorecard formats no text.
/// </summary>
[Flags]
internal enum FindingSet : ulong
{
    None = 0,
}

internal static class FindingSets
{
    private static readonly FindingSet[] BySeverity = Masks();

    /// <summary>How many findings of each severity a set holds (one per bit).</summary>
    public static (int Error, int Warning, int Info) Count(FindingSet set) => (
        System.Numerics.BitOperations.PopCount((ulong)(set & BySeverity[(int)FindingSeverity.Error])),
        System.Numerics.BitOperations.PopCount((ulong)(set & BySeverity[(int)FindingSeverity.Warning])),
        System.Numerics.BitOperations.PopCount((ulong)(set & BySeverity[(int)FindingSeverity.Info])));

    private static FindingSet[] Masks()
    {
        var masks = new FindingSet[3];
        foreach (var kind in FindingCatalogue.All)
        {
            masks[(int)kind.Severity] |= kind.Bit;
        }
        return masks;
    }
}
