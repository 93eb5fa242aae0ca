using System.Collections.Frozen;
using System.Globalization;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;

namespace PerfEval.Application.Scoring;

internal enum FigureUnit
{
    Yuan,
    Percent,
    Points,
}

/// <summary>A figure a report declares: its mismatch code and its name in both languages.</summary>
internal sealed record DeclaredFigure(string MismatchCode, string NameZh, string NameEn, FigureUnit Unit)
{
    public static readonly DeclaredFigure InitialBudget = new(FindingCodes.DeclaredInitialBudgetMismatch, "年初预算数", "initial budget", FigureUnit.Yuan);
    public static readonly DeclaredFigure Adjustments = new(FindingCodes.DeclaredAdjustmentsMismatch, "年中调整数", "budget adjustments", FigureUnit.Yuan);
    public static readonly DeclaredFigure AdjustedBudget = new(FindingCodes.DeclaredAdjustedBudgetMismatch, "调整后全年预算数", "adjusted budget", FigureUnit.Yuan);
    public static readonly DeclaredFigure Executed = new(FindingCodes.DeclaredExecutedMismatch, "执行数", "executed amount", FigureUnit.Yuan);
    public static readonly DeclaredFigure ExpenditureTotal = new(FindingCodes.DeclaredExpenditureTotalMismatch, "支出总额", "expenditure total", FigureUnit.Yuan);
    public static readonly DeclaredFigure BasicExpenditure = new(FindingCodes.DeclaredBasicExpenditureMismatch, "基本支出", "basic expenditure", FigureUnit.Yuan);
    public static readonly DeclaredFigure ProjectExpenditure = new(FindingCodes.DeclaredProjectExpenditureMismatch, "项目支出", "project expenditure", FigureUnit.Yuan);
    public static readonly DeclaredFigure InitialSuperior = new(FindingCodes.DeclaredInitialSuperiorMismatch, "上级资金年初预算数", "initial budget from superior funds", FigureUnit.Yuan);
    public static readonly DeclaredFigure InitialOwnLevel = new(FindingCodes.DeclaredInitialOwnLevelMismatch, "本级资金年初预算数", "initial budget from own-level funds", FigureUnit.Yuan);
    public static readonly DeclaredFigure InitialOther = new(FindingCodes.DeclaredInitialOtherMismatch, "其他资金年初预算数", "initial budget from other funds", FigureUnit.Yuan);
    public static readonly DeclaredFigure AdjustmentRate = new(FindingCodes.DeclaredAdjustmentRateMismatch, "预算调整率", "adjustment rate", FigureUnit.Percent);
    public static readonly DeclaredFigure ExecutionRate = new(FindingCodes.DeclaredExecutionRateMismatch, "预算执行率", "execution rate", FigureUnit.Percent);
    public static readonly DeclaredFigure ExecutionScore = new(FindingCodes.DeclaredExecutionScoreMismatch, "预算执行得分", "execution score", FigureUnit.Points);
    public static readonly DeclaredFigure CompositeScore = new(FindingCodes.DeclaredCompositeMismatch, "综合得分", "composite score", FigureUnit.Points);
    public static readonly DeclaredFigure Completion = new(FindingCodes.DeclaredCompletionMismatch, "完成率", "completion rate", FigureUnit.Percent);
    public static readonly DeclaredFigure Score = new(FindingCodes.DeclaredScoreMismatch, "得分", "score", FigureUnit.Points);
}

/// <summary>
/// Builds each finding with its fixed severity and its two messages. Only called when something is
/// found, so a clean scorecard formats no text.
/// </summary>
internal sealed class Findings(Rounding rounding)
{
    public const string Budget = "budget";
    public const string Composite = "composite";
    public const string Evaluation = "evaluation";

    private static readonly FrozenDictionary<string, FindingSeverity> Severities =
        FindingCodes.All.ToFrozenDictionary(c => c.Code, c => c.Severity);

    private List<Finding>? _found;

    public IReadOnlyList<Finding> ToList() => _found is null ? [] : _found;

    public static string IndicatorSubject(IndicatorInput indicator) =>
        "indicator " + indicator.Sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>A line's id, or "#n" (its 1-based position) when it has none.</summary>
    public static string LineLabel(BudgetLineInput line, int index) =>
        line.LineId is { } id
            ? id.ToString(CultureInfo.InvariantCulture)
            : "#" + (index + 1).ToString(CultureInfo.InvariantCulture);

    public void ClosedYearDataChanged() =>
        Add(FindingCodes.ClosedYearDataChanged, Evaluation, Figures(),
            "年度已关闭，但其数据在关闭后发生了变更",
            "The fiscal year is closed but its data changed after closing");

    public void DeclaredMismatch(DeclaredFigure figure, string subject, string? prefixZh, string? prefixEn, decimal declared, decimal? computed)
    {
        var unitZh = UnitZh(figure.Unit);
        var unitEn = UnitEn(figure.Unit);
        var declaredText = Written(declared);
        string zh, en;
        if (computed is { } c)
        {
            var computedText = figure.Unit == FigureUnit.Yuan ? Explanations.Amount(c) : rounding.Format(c);
            zh = $"{prefixZh}申报{figure.NameZh} {declaredText}{unitZh} 与计算值 {computedText}{unitZh} 不一致";
            en = $"{prefixEn}Declared {figure.NameEn} {declaredText}{unitEn} differs from computed {computedText}{unitEn}";
        }
        else
        {
            zh = $"{prefixZh}申报{figure.NameZh} {declaredText}{unitZh}，但按规则无法计算该值";
            en = $"{prefixEn}Declared {figure.NameEn} {declaredText}{unitEn}, but it cannot be computed";
        }
        Add(figure.MismatchCode, subject, Figures(("declared", declared), ("computed", computed)), zh, en);
    }

    public void DeclaredGradeMismatch(Grade declared, Grade? computed, decimal? composite)
    {
        string zh, en;
        if (computed is { } c && composite is { } s)
        {
            zh = $"申报评价结果「{GradeZh(declared)}」与按综合得分 {rounding.Format(s)} 分计算的结果「{GradeZh(c)}」不一致";
            en = $"Declared grade {GradeEn(declared)} differs from computed {GradeEn(c)} (composite {rounding.Format(s)} points)";
        }
        else
        {
            zh = $"申报评价结果「{GradeZh(declared)}」，但没有综合得分，无法计算评价结果";
            en = $"Declared grade {GradeEn(declared)}, but there is no composite score to grade";
        }
        Add(FindingCodes.DeclaredGradeMismatch, Composite, Figures(("computedComposite", composite)), zh, en);
    }

    public void AdjustedIdentity(decimal initial, decimal adjustments, decimal adjusted) =>
        Add(FindingCodes.BudgetAdjustedIdentity, Budget,
            Figures(("initialBudget", initial), ("adjustments", adjustments), ("sum", initial + adjustments), ("adjustedBudget", adjusted)),
            $"申报年初预算数 {Written(initial)} 元 + 年中调整数 {Written(adjustments)} 元 = {Written(initial + adjustments)} 元，与申报调整后全年预算数 {Written(adjusted)} 元 不一致",
            $"Declared initial budget {Written(initial)} + adjustments {Written(adjustments)} = {Written(initial + adjustments)} yuan differs from the declared adjusted budget {Written(adjusted)} yuan");

    public void ClassSplit(decimal basic, decimal project, decimal total) =>
        Add(FindingCodes.BudgetClassSplit, Budget,
            Figures(("basicExpenditure", basic), ("projectExpenditure", project), ("sum", basic + project), ("expenditureTotal", total)),
            $"申报基本支出 {Written(basic)} 元 + 项目支出 {Written(project)} 元 = {Written(basic + project)} 元，与申报支出总额 {Written(total)} 元 不一致",
            $"Declared basic expenditure {Written(basic)} + project expenditure {Written(project)} = {Written(basic + project)} yuan differs from the declared expenditure total {Written(total)} yuan");

    public void FundingSplit(decimal superior, decimal ownLevel, decimal other, decimal initial)
    {
        var sum = superior + ownLevel + other;
        Add(FindingCodes.BudgetFundingSplit, Budget,
            Figures(("initialSuperior", superior), ("initialOwnLevel", ownLevel), ("initialOther", other), ("sum", sum), ("initialBudget", initial)),
            $"申报上级资金 {Written(superior)} 元 + 本级资金 {Written(ownLevel)} 元 + 其他资金 {Written(other)} 元 = {Written(sum)} 元，与申报年初预算数 {Written(initial)} 元 不一致",
            $"Declared superior {Written(superior)} + own-level {Written(ownLevel)} + other {Written(other)} = {Written(sum)} yuan differs from the declared initial budget {Written(initial)} yuan");
    }

    public void ExecutedOverAdjusted(string subject, string? prefixZh, string? prefixEn, decimal executed, decimal adjusted) =>
        Add(FindingCodes.ExecutedOverAdjusted, subject,
            Figures(("executed", executed), ("adjusted", adjusted), ("excess", executed - adjusted)),
            $"{prefixZh}执行数 {Explanations.Amount(executed)} 元 超过调整后预算数 {Explanations.Amount(adjusted)} 元（超出 {Explanations.Amount(executed - adjusted)} 元）",
            $"{prefixEn}Executed {Explanations.Amount(executed)} yuan exceeds the adjusted budget {Explanations.Amount(adjusted)} yuan (by {Explanations.Amount(executed - adjusted)} yuan)");

    public void AdjustedBudgetZero(decimal executed) =>
        Add(FindingCodes.AdjustedBudgetZero, Budget, Figures(("adjusted", 0m), ("executed", executed)),
            "调整后全年预算数为 0，无法计算预算执行率、执行得分和综合得分",
            "The adjusted budget is 0: no execution rate, execution score or composite can be computed");

    public void WeightTotalNot100(decimal total, decimal executionWeight, decimal expected)
    {
        var indicators = total - executionWeight;
        Add(FindingCodes.WeightTotalNot100, Composite,
            Figures(("weightTotal", total), ("executionWeight", executionWeight), ("indicatorWeights", indicators), ("expected", expected)),
            $"权重合计 {Written(total)} 分（预算执行 {Written(executionWeight)} + 指标 {Written(indicators)}）不等于 {Written(expected)} 分；综合得分仍按所给权重计算",
            $"Weights total {Written(total)} (execution {Written(executionWeight)} + indicators {Written(indicators)}), not {Written(expected)}; the composite is still computed from the weights as given");
    }

    public void WeightMissing(IndicatorInput indicator) =>
        AddIndicator(FindingCodes.WeightMissing, indicator, Figures(("weight", null)),
            "缺少权重（分值），无法计算该指标得分和综合得分",
            "has no weight: no score and no composite");

    public void WeightNegative(IndicatorInput indicator, decimal weight) =>
        AddIndicator(FindingCodes.WeightNegative, indicator, Figures(("weight", weight)),
            $"权重 {Written(weight)} 为负数，无法计算该指标得分和综合得分",
            $"has a negative weight {Written(weight)}: no score and no composite");

    public void TargetMissing(IndicatorInput indicator) =>
        AddIndicator(FindingCodes.TargetMissing, indicator, Figures(("target", indicator.Target)),
            "缺少比较符或指标值，无法计算完成率和得分",
            "has no operator or no target: no completion rate and no score");

    public void ValueMissing(IndicatorInput indicator)
    {
        if (indicator.Kind == IndicatorKind.Qualitative)
        {
            AddIndicator(FindingCodes.IndicatorValueMissing, indicator, Figures(("qualitativeScore", null)),
                "缺少定性评分，无法计算完成率和得分",
                "has no qualitative score: no completion rate and no score");
        }
        else
        {
            AddIndicator(FindingCodes.IndicatorValueMissing, indicator, Figures(("finalValue", null)),
                "缺少本次评价完成值，无法计算完成率和得分",
                "has no final value: no completion rate and no score");
        }
    }

    public void OverAchievementNoReason(IndicatorInput indicator, decimal completion, decimal threshold) =>
        AddIndicator(FindingCodes.OverAchievementNoReason, indicator, Figures(("completion", completion), ("threshold", threshold)),
            $"完成率 {rounding.Format(completion)}% 达到 {Written(threshold)}% 以上，未填写偏差原因",
            $"completion {rounding.Format(completion)}% is at or above {Written(threshold)}% but no deviation reason is given");

    public void TargetLikelyTooLow(IndicatorInput indicator, decimal completion, decimal threshold) =>
        AddIndicator(FindingCodes.TargetLikelyTooLow, indicator,
            Figures(("completion", completion), ("threshold", threshold), ("target", indicator.Target), ("finalValue", indicator.FinalValue)),
            $"完成率 {rounding.Format(completion)}% 达到 {Written(threshold)}% 以上，指标值 {Written(indicator.Target)} 可能设置偏低；如确属偏低，由复核人员按偏差扣分并注明原因",
            $"completion {rounding.Format(completion)}% is at or above {Written(threshold)}%: the target {Written(indicator.Target)} was likely set too low; a reviewer may deduct for the deviation, with a reason");

    public void UnderAchievementNoReason(IndicatorInput indicator, decimal completion, decimal threshold) =>
        AddIndicator(FindingCodes.UnderAchievementNoReason, indicator, Figures(("completion", completion), ("threshold", threshold)),
            $"完成率 {rounding.Format(completion)}% 低于 {Written(threshold)}%，未填写偏差原因",
            $"completion {rounding.Format(completion)}% is below {Written(threshold)}% but no deviation reason is given");

    public void EqualTargetMissed(IndicatorInput indicator, decimal target, decimal final) =>
        AddIndicator(FindingCodes.EqualTargetMissed, indicator, Figures(("target", target), ("finalValue", final)),
            $"指标值为等于 {Written(target)}，本次评价完成值 {Written(final)} 未恰好达到",
            $"target is exactly {Written(target)} but the final value is {Written(final)}");

    public void FinalBelowMidYear(IndicatorInput indicator, decimal midYear, decimal final) =>
        AddIndicator(FindingCodes.FinalBelowMidYear, indicator, Figures(("midYearValue", midYear), ("finalValue", final)),
            $"本次评价完成值 {Written(final)} 低于年中监控完成值 {Written(midYear)}",
            $"final value {Written(final)} is below the mid-year value {Written(midYear)}");

    public void OutsideTier(IndicatorInput indicator, QualitativeTier tier, decimal score, decimal weight, decimal from, decimal to, bool toInclusive) =>
        AddIndicator(FindingCodes.QualitativeScoreOutsideTier, indicator,
            Figures(("qualitativeScore", score), ("weight", weight), ("bandFrom", from), ("bandTo", to)),
            $"定性评分 {Written(score)} 不在「{TierZh(tier)}」区间 [{Written(from)}, {Written(to)}{(toInclusive ? "]" : ")")} 内（权重 {Written(weight)}）",
            $"qualitative score {Written(score)} lies outside the {TierEn(tier)} band [{Written(from)}, {Written(to)}{(toInclusive ? "]" : ")")} (weight {Written(weight)})");

    public void TierMissing(IndicatorInput indicator, decimal score) =>
        AddIndicator(FindingCodes.QualitativeTierMissing, indicator, Figures(("qualitativeScore", score)),
            $"定性评分 {Written(score)} 未注明评价档次（达成/部分达成/未达成），无法核对区间",
            $"qualitative score {Written(score)} has no tier (achieved / partially / not achieved), so its band cannot be checked");

    public void DeductionWithoutReason(IndicatorInput indicator, decimal deduction) =>
        AddIndicator(FindingCodes.DeductionWithoutReason, indicator, Figures(("deduction", deduction)),
            $"复核扣分 {Written(deduction)} 分未填写扣分原因",
            $"reviewer deduction of {Written(deduction)} points has no reason");

    public void DeductionNegative(IndicatorInput indicator, decimal deduction) =>
        AddIndicator(FindingCodes.DeductionNegative, indicator, Figures(("deduction", deduction)),
            $"复核扣分 {Written(deduction)} 为负数，未予采用",
            $"reviewer deduction {Written(deduction)} is negative and is not applied");

    public void DeductionExceedsScore(IndicatorInput indicator, decimal deduction, decimal score) =>
        AddIndicator(FindingCodes.DeductionExceedsScore, indicator, Figures(("deduction", deduction), ("score", score)),
            $"复核扣分 {Written(deduction)} 分超过得分 {rounding.Format(score)} 分，得分按 0 分计",
            $"reviewer deduction of {Written(deduction)} points exceeds the score {rounding.Format(score)}; the score stops at 0");

    public void MonitoringDeviationUnexplained(string subject, string prefixZh, string prefixEn, MonitoringLight light, decimal? ratio) =>
        Add(FindingCodes.MonitoringDeviationUnexplained, subject, Figures(("ratio", ratio)),
            $"{prefixZh}亮{LightZh(light)}，但未说明偏差原因类别及说明、完成目标可能性和全年预计完成值",
            $"{prefixEn}{LightEn(light)} light without a cause category with text, a likelihood of meeting the target and an expected full-year value");

    public void MonitoringAheadOfSchedule(string subject, string prefixZh, string prefixEn, decimal? ratio) =>
        Add(FindingCodes.MonitoringAheadOfSchedule, subject, Figures(("ratio", ratio)),
            $"{prefixZh}进度比 {Written(ratio)}% 亮蓝灯，超前于序时进度：请核查目标是否设置偏低",
            $"{prefixEn}progress ratio {Written(ratio)}% is blue, ahead of schedule: check whether the target was set too low");

    private static string LightZh(MonitoringLight light) => light switch
    {
        MonitoringLight.Red => "红灯",
        MonitoringLight.Yellow => "黄灯",
        MonitoringLight.Green => "绿灯",
        _ => "蓝灯",
    };

    private static string LightEn(MonitoringLight light) => light switch
    {
        MonitoringLight.Red => "red",
        MonitoringLight.Yellow => "yellow",
        MonitoringLight.Green => "green",
        _ => "blue",
    };

    public static string IndicatorPrefixZh(IndicatorInput indicator) =>
        $"指标 {indicator.Sequence.ToString(CultureInfo.InvariantCulture)}「{indicator.Name}」";

    public static string IndicatorPrefixEn(IndicatorInput indicator) =>
        $"Indicator {indicator.Sequence.ToString(CultureInfo.InvariantCulture)} ({indicator.Name}): ";

    private void AddIndicator(string code, IndicatorInput indicator, IReadOnlyDictionary<string, decimal?> figures, string zh, string en) =>
        Add(code, IndicatorSubject(indicator), figures, IndicatorPrefixZh(indicator) + zh, IndicatorPrefixEn(indicator) + en);

    private void Add(string code, string subject, IReadOnlyDictionary<string, decimal?> figures, string zh, string en) =>
        (_found ??= []).Add(new Finding(code, Severities[code], subject, figures, zh, en));

    private static Dictionary<string, decimal?> Figures(params ReadOnlySpan<(string Name, decimal? Value)> figures)
    {
        var result = new Dictionary<string, decimal?>(figures.Length);
        foreach (var (name, value) in figures)
        {
            result[name] = value;
        }
        return result;
    }

    /// <summary>A number as it was written (its own decimals).</summary>
    internal static string Written(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "—";

    private static string UnitZh(FigureUnit unit) => unit switch
    {
        FigureUnit.Yuan => " 元",
        FigureUnit.Percent => "%",
        _ => " 分",
    };

    private static string UnitEn(FigureUnit unit) => unit switch
    {
        FigureUnit.Yuan => " yuan",
        FigureUnit.Percent => "%",
        _ => " points",
    };

    private static string GradeZh(Grade grade) => grade switch
    {
        Grade.Excellent => "优",
        Grade.Good => "良",
        Grade.Fair => "中",
        _ => "差",
    };

    private static string GradeEn(Grade grade) => grade switch
    {
        Grade.Excellent => "excellent",
        Grade.Good => "good",
        Grade.Fair => "fair",
        _ => "poor",
    };

    private static string TierZh(QualitativeTier tier) => tier switch
    {
        QualitativeTier.Achieved => "达成",
        QualitativeTier.PartiallyAchieved => "部分达成",
        _ => "未达成",
    };

    private static string TierEn(QualitativeTier tier) => tier switch
    {
        QualitativeTier.Achieved => "achieved",
        QualitativeTier.PartiallyAchieved => "partially achieved",
        _ => "not achieved",
    };
}
