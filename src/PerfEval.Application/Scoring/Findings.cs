using System.Globalization;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;

namespace PerfEval.Application.Scoring;

/// <summary>
/// Builds each finding from its kind in <see cref="FindingCatalogue"/>: the kind's severity, its two
/// messages with the figures written in, the figures held as the messages write them. Only called
/// when something is found, so a clean scorecard formats no text.
/// </summary>
internal sealed class Findings(Rounding rounding)
{
    public const string Budget = "budget";
    public const string Composite = "composite";
    public const string Evaluation = "evaluation";

    private List<Finding>? _found;

    public IReadOnlyList<Finding> ToList() => _found is null ? [] : _found;

    public static string IndicatorSubject(IndicatorInput indicator) =>
        "indicator " + indicator.Sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>A line's id, or "#n" (its 1-based position) when it has none.</summary>
    public static string LineLabel(BudgetLineInput line, int index) =>
        line.LineId is { } id
            ? id.ToString(CultureInfo.InvariantCulture)
            : "#" + (index + 1).ToString(CultureInfo.InvariantCulture);

    public void ClosedYearDataChanged() => Add(FindingCatalogue.ClosedYearDataChanged, Evaluation, null, null, Figures());

    /// <summary>Facts the report printed with different values, each as "what: value; value".</summary>
    public void ReportFactsConflicting(IReadOnlyList<string> facts) =>
        Add(FindingCatalogue.ReportFactsConflicting, Evaluation, null, null, Figures(("count", facts.Count)),
            false, ("factsZh", string.Join("；", facts)), ("factsEn", string.Join("; ", facts)));

    /// <summary>A declared figure of the budget or the composite that differs from the computed one.</summary>
    public void DeclaredMismatch(FindingKind kind, string subject, decimal declared, decimal? computed) =>
        Add(kind, subject, null, null, Figures(("declared", declared), ("computed", computed)), withoutComputed: computed is null);

    public void DeclaredMismatch(FindingKind kind, IndicatorInput indicator, decimal declared, decimal? computed) =>
        Add(kind, IndicatorSubject(indicator), IndicatorPrefixZh(indicator), IndicatorPrefixEn(indicator),
            Figures(("declared", declared), ("computed", computed)), withoutComputed: computed is null);

    public void DeclaredGradeMismatch(Grade declared, Grade? computed, decimal? composite) =>
        Add(FindingCatalogue.DeclaredGradeMismatch, Composite, null, null, Figures(("computedComposite", composite)),
            withoutComputed: computed is null || composite is null,
            ("declaredGrade", GradeLabels.Zh(declared)), ("declaredGradeEn", GradeLabels.En(declared)),
            ("computedGrade", computed is { } c ? GradeLabels.Zh(c) : ""), ("computedGradeEn", computed is { } e ? GradeLabels.En(e) : ""));

    public void AdjustedIdentity(decimal initial, decimal adjustments, decimal adjusted) =>
        Add(FindingCatalogue.BudgetAdjustedIdentity, Budget, null, null,
            Figures(("initialBudget", initial), ("adjustments", adjustments), ("sum", initial + adjustments), ("adjustedBudget", adjusted)));

    public void ClassSplit(decimal basic, decimal project, decimal total) =>
        Add(FindingCatalogue.BudgetClassSplit, Budget, null, null,
            Figures(("basicExpenditure", basic), ("projectExpenditure", project), ("sum", basic + project), ("expenditureTotal", total)));

    public void FundingSplit(decimal superior, decimal ownLevel, decimal other, decimal initial) =>
        Add(FindingCatalogue.BudgetFundingSplit, Budget, null, null,
            Figures(("initialSuperior", superior), ("initialOwnLevel", ownLevel), ("initialOther", other), ("sum", superior + ownLevel + other), ("initialBudget", initial)));

    public void ExecutedOverAdjusted(decimal executed, decimal adjusted) =>
        Add(FindingCatalogue.ExecutedOverAdjusted, Budget, null, null,
            Figures(("executed", executed), ("adjusted", adjusted), ("excess", executed - adjusted)));

    public void LineExecutedOverAdjusted(string label, decimal executed, decimal adjusted) =>
        Add(FindingCatalogue.ExecutedOverAdjusted, "budget line " + label, "预算行 " + label + "：", "Budget line " + label + ": ",
            Figures(("executed", executed), ("adjusted", adjusted), ("excess", executed - adjusted)));

    public void AdjustedBudgetZero(decimal executed) =>
        Add(FindingCatalogue.AdjustedBudgetZero, Budget, null, null, Figures(("adjusted", 0m), ("executed", executed)));

    public void WeightTotalNot100(decimal total, decimal executionWeight, decimal expected) =>
        Add(FindingCatalogue.WeightTotalNot100, Composite, null, null,
            Figures(("weightTotal", total), ("executionWeight", executionWeight), ("indicatorWeights", total - executionWeight), ("expected", expected)));

    public void WeightMissing(IndicatorInput indicator) =>
        AddIndicator(FindingCatalogue.WeightMissing, indicator, Figures(("weight", null)));

    public void WeightNegative(IndicatorInput indicator, decimal weight) =>
        AddIndicator(FindingCatalogue.WeightNegative, indicator, Figures(("weight", weight)));

    public void TargetMissing(IndicatorInput indicator) =>
        AddIndicator(FindingCatalogue.TargetMissing, indicator, Figures(("target", indicator.Target)));

    public void ValueMissing(IndicatorInput indicator)
    {
        if (indicator.Kind == IndicatorKind.Qualitative)
        {
            AddIndicator(FindingCatalogue.IndicatorValueMissing, indicator, Figures(("qualitativeScore", null)),
                ("missingZh", "定性评分"), ("missingEn", "qualitative score"));
        }
        else
        {
            AddIndicator(FindingCatalogue.IndicatorValueMissing, indicator, Figures(("finalValue", null)),
                ("missingZh", "本次评价完成值"), ("missingEn", "final value"));
        }
    }

    public void OverAchievementNoReason(IndicatorInput indicator, decimal completion, decimal threshold) =>
        AddIndicator(FindingCatalogue.OverAchievementNoReason, indicator, Figures(("completion", completion), ("threshold", threshold)));

    public void TargetLikelyTooLow(IndicatorInput indicator, decimal completion, decimal threshold) =>
        AddIndicator(FindingCatalogue.TargetLikelyTooLow, indicator,
            Figures(("completion", completion), ("threshold", threshold), ("target", indicator.Target), ("finalValue", indicator.FinalValue)));

    public void UnderAchievementNoReason(IndicatorInput indicator, decimal completion, decimal threshold) =>
        AddIndicator(FindingCatalogue.UnderAchievementNoReason, indicator, Figures(("completion", completion), ("threshold", threshold)));

    public void EqualTargetMissed(IndicatorInput indicator, decimal target, decimal final) =>
        AddIndicator(FindingCatalogue.EqualTargetMissed, indicator, Figures(("target", target), ("finalValue", final)));

    public void FinalBelowMidYear(IndicatorInput indicator, decimal midYear, decimal final) =>
        AddIndicator(FindingCatalogue.FinalBelowMidYear, indicator, Figures(("midYearValue", midYear), ("finalValue", final)));

    public void OutsideTier(IndicatorInput indicator, QualitativeTier tier, decimal score, decimal weight, decimal from, decimal to, bool toInclusive) =>
        AddIndicator(FindingCatalogue.QualitativeScoreOutsideTier, indicator,
            Figures(("qualitativeScore", score), ("weight", weight), ("bandFrom", from), ("bandTo", to)),
            ("tierZh", TierZh(tier)), ("tierEn", TierEn(tier)), ("bandEnd", toInclusive ? "]" : ")"));

    public void TierMissing(IndicatorInput indicator, decimal score) =>
        AddIndicator(FindingCatalogue.QualitativeTierMissing, indicator, Figures(("qualitativeScore", score)));

    public void DeductionWithoutReason(IndicatorInput indicator, decimal deduction) =>
        AddIndicator(FindingCatalogue.DeductionWithoutReason, indicator, Figures(("deduction", deduction)));

    public void DeductionNegative(IndicatorInput indicator, decimal deduction) =>
        AddIndicator(FindingCatalogue.DeductionNegative, indicator, Figures(("deduction", deduction)));

    public void DeductionExceedsScore(IndicatorInput indicator, decimal deduction, decimal score) =>
        AddIndicator(FindingCatalogue.DeductionExceedsScore, indicator, Figures(("deduction", deduction), ("score", score)));

    /// <summary>A monitoring round's red or yellow item (the budget, or an indicator) without its explanation.</summary>
    public void MonitoringDeviationUnexplained(string subject, string prefixZh, string prefixEn, MonitoringLight light, decimal? ratio) =>
        Add(FindingCatalogue.MonitoringDeviationUnexplained, subject, prefixZh, prefixEn, Figures(("ratio", ratio)), withoutComputed: false,
            ("lightZh", LightZh(light)), ("lightEn", LightEn(light)));

    public void MonitoringAheadOfSchedule(string subject, string prefixZh, string prefixEn, decimal? ratio) =>
        Add(FindingCatalogue.MonitoringAheadOfSchedule, subject, prefixZh, prefixEn, Figures(("ratio", ratio)));

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

    private void AddIndicator(FindingKind kind, IndicatorInput indicator, Dictionary<string, decimal?> figures, params ReadOnlySpan<(string Name, string Text)> texts) =>
        Add(kind, IndicatorSubject(indicator), IndicatorPrefixZh(indicator), IndicatorPrefixEn(indicator), figures, withoutComputed: false, texts);

    private void Add(
        FindingKind kind, string subject, string? prefixZh, string? prefixEn, Dictionary<string, decimal?> figures,
        bool withoutComputed = false, params ReadOnlySpan<(string Name, string Text)> texts)
    {
        var zh = Render(withoutComputed ? kind.WithoutComputedZh! : kind.MessageZh, figures, texts);
        var en = Render(withoutComputed ? kind.WithoutComputedEn! : kind.MessageEn, figures, texts);
        (_found ??= []).Add(new Finding(kind.Code, kind.Severity, subject, figures, prefixZh + zh, prefixEn + en));
    }

    /// <summary>
    /// A template with its figures and texts written in. A figure the template writes as money or at
    /// the display decimals is held in that form too, so the finding's figures read as its messages.
    /// </summary>
    private string Render(string template, Dictionary<string, decimal?> figures, ReadOnlySpan<(string Name, string Text)> texts)
    {
        var text = new System.Text.StringBuilder(template.Length + 32);
        var at = 0;
        while (template.IndexOf('{', at) is var open and >= 0)
        {
            var close = template.IndexOf('}', open);
            text.Append(template, at, open - at);
            var placeholder = template.AsSpan(open + 1, close - open - 1);
            var colon = placeholder.IndexOf(':');
            var name = (colon < 0 ? placeholder : placeholder[..colon]).ToString();
            var format = colon < 0 ? default : placeholder[(colon + 1)..];
            if (TextOf(texts, name) is { } supplied)
            {
                text.Append(supplied);
            }
            else if (figures[name] is { } value)
            {
                var held = format switch
                {
                    "money" => Rounding.Money(value),
                    "shown" => rounding.Shown(value),
                    _ => value,
                };
                figures[name] = held;
                text.Append(held.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append('—');
            }
            at = close + 1;
        }
        return text.Append(template, at, template.Length - at).ToString();
    }

    private static string? TextOf(ReadOnlySpan<(string Name, string Text)> texts, string name)
    {
        foreach (var (n, t) in texts)
        {
            if (n == name)
            {
                return t;
            }
        }
        return null;
    }

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
