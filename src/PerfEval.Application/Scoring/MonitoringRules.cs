using System.Globalization;
using PerfEval.Application.Indicators;

namespace PerfEval.Application.Scoring;

/// <summary>A monitoring light (预警灯). Blue: ahead of schedule (check the target); it counts as green in the goal light.</summary>
public enum MonitoringLight
{
    Red,
    Yellow,
    Green,
    Blue,
}

/// <summary>The likelihood of meeting the target by the year's end.</summary>
public enum TargetLikelihood
{
    /// <summary>确定能</summary>
    Certain,
    /// <summary>有可能</summary>
    Possible,
    /// <summary>完全不可能</summary>
    Impossible,
}

/// <summary>The category of a deviation's cause.</summary>
public enum DeviationCause
{
    /// <summary>经费保障</summary>
    Funding,
    /// <summary>制度保障</summary>
    Institutional,
    /// <summary>人员保障</summary>
    Staffing,
    /// <summary>硬件条件保障</summary>
    Facilities,
    /// <summary>其他</summary>
    Other,
}

/// <summary>How an indicator's light was decided.</summary>
public enum IndicatorLightRule
{
    /// <summary>current / (target × time progress / 100) × 100, banded red / yellow / green / blue.</summary>
    Prorated,
    /// <summary>Green when already within the target, red otherwise (≤; = with target 0; ≥ with a target ≤ 0; quality, timeliness and cost under the prorate-only option).</summary>
    WithinTarget,
    /// <summary>The qualitative tier: 达成 green, 部分达成 yellow, 未达成 red.</summary>
    Tier,
    /// <summary>No current value (or tier), or no operator or target: no light.</summary>
    NotStated,
}

/// <summary>A red or yellow item's explanation: cause category and text, likelihood, expected full-year value, corrective measure.</summary>
public sealed record DeviationExplanation(
    DeviationCause? Cause = null,
    string? CauseText = null,
    TargetLikelihood? Likelihood = null,
    decimal? ExpectedFullYear = null,
    string? CorrectiveMeasure = null)
{
    public static DeviationExplanation None { get; } = new();

    /// <summary>What the rules ask of every red or yellow item: cause category with text, likelihood and expected full-year value.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsComplete => Cause is not null && !string.IsNullOrWhiteSpace(CauseText) && Likelihood is not null && ExpectedFullYear is not null;
}

/// <summary>One indicator of the department-year with this round's values for it (none when the round does not report it).</summary>
public sealed record MonitoringIndicatorInput(
    long IndicatorId,
    int Sequence,
    string Name,
    IndicatorCategory Category,
    IndicatorSubcategory Subcategory,
    IndicatorKind Kind,
    ComparisonOperator? Operator,
    decimal? Target,
    string? Unit,
    decimal? CurrentValue,
    QualitativeTier? CurrentTier,
    DeviationExplanation Deviation);

/// <summary>A round as the rules see it: its as-of date, the adjusted budget, executed to date (null: not stated) and the indicators.</summary>
public sealed record MonitoringInput(
    DateOnly AsOf,
    decimal AdjustedBudget,
    decimal? ExecutedToDate,
    DeviationExplanation BudgetDeviation,
    IReadOnlyList<MonitoringIndicatorInput> Indicators);

/// <summary>The budget's light: execution to date against the adjusted budget and the time progress.</summary>
public sealed record BudgetMonitoring(
    decimal AdjustedBudget,
    decimal? ExecutedToDate,
    decimal? ExecutionRate,
    decimal? Ratio,
    decimal? Checkpoint,
    decimal? TargetProgress,
    MonitoringLight? Light,
    DeviationExplanation Deviation,
    Explanation? Explanation);

/// <summary>One indicator's light with its values and explanation.</summary>
public sealed record IndicatorMonitoring(
    long IndicatorId,
    int Sequence,
    string Name,
    IndicatorKind Kind,
    ComparisonOperator? Operator,
    decimal? Target,
    string? Unit,
    decimal? CurrentValue,
    QualitativeTier? CurrentTier,
    decimal? Ratio,
    IndicatorLightRule Rule,
    MonitoringLight? Light,
    DeviationExplanation Deviation,
    Explanation? Explanation);

/// <summary>A monitoring round computed by rule: time progress, every light, and the findings.</summary>
public sealed record MonitoringCard(
    DateOnly AsOf,
    decimal TimeProgress,
    Explanation? TimeProgressExplanation,
    BudgetMonitoring Budget,
    IReadOnlyList<IndicatorMonitoring> Indicators,
    MonitoringLight? GoalLight,
    Explanation? GoalExplanation,
    MonitoringLight? CombinedLight,
    Explanation? CombinedExplanation,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>The card without its formulas: what a reader gets unless it asks for the explanation.</summary>
    public MonitoringCard WithoutExplanations() => this with
    {
        TimeProgressExplanation = null,
        GoalExplanation = null,
        CombinedExplanation = null,
        Budget = Budget with { Explanation = null },
        Indicators = [.. Indicators.Select(i => i with { Explanation = null })],
    };
}

/// <summary>
/// The mid-year monitoring rules (DOMAIN.md "Mid-year monitoring"). Every band is decided on the exact
/// value (one decimal division of the exact inputs); the ratios shown are rounded afterwards with the
/// scheme's rounding, so a ratio of 79.996 shows as 80.00 and is still yellow.
/// </summary>
public static class MonitoringRules
{
    /// <summary>Time progress as the fraction elapsed/of (month / 12, or day of year / days in year).</summary>
    public static (int Elapsed, int Of) TimeFraction(DateOnly asOf, TimeProgressConvention convention) => convention switch
    {
        TimeProgressConvention.ElapsedDays => (asOf.DayOfYear, DateTime.IsLeapYear(asOf.Year) ? 366 : 365),
        _ => (asOf.Month, 12),
    };

    /// <summary>Time progress in % (exact quotient; not rounded).</summary>
    public static decimal TimeProgress(DateOnly asOf, TimeProgressConvention convention)
    {
        var (elapsed, of) = TimeFraction(asOf, convention);
        return elapsed * 100m / of;
    }

    /// <summary>Red below the red threshold, yellow below the yellow one, then green, and blue from the blue one (when given).</summary>
    public static MonitoringLight Band(decimal ratio, decimal redBelow, decimal yellowBelow, decimal? blueFrom) =>
        ratio < redBelow ? MonitoringLight.Red
        : ratio < yellowBelow ? MonitoringLight.Yellow
        : blueFrom is { } blue && ratio >= blue ? MonitoringLight.Blue
        : MonitoringLight.Green;

    /// <summary>How bad a light is: red 0, yellow 1, green and blue 2 (blue counts as green).</summary>
    public static int Severity(MonitoringLight light) => light switch
    {
        MonitoringLight.Red => 0,
        MonitoringLight.Yellow => 1,
        _ => 2,
    };

    /// <summary>The worst of the lights given, blue read as green; null when none is known.</summary>
    public static MonitoringLight? Worst(IEnumerable<MonitoringLight?> lights)
    {
        MonitoringLight? worst = null;
        foreach (var light in lights)
        {
            if (light is not { } l)
            {
                continue;
            }

            var asGreen = l == MonitoringLight.Blue ? MonitoringLight.Green : l;
            if (worst is null || Severity(asGreen) < Severity(worst.Value))
            {
                worst = asGreen;
            }
        }

        return worst;
    }

    /// <summary>The round's card: time progress, budget light, each indicator's light, goal and combined lights, findings.</summary>
    public static MonitoringCard Calculate(MonitoringInput input, ScoringSchemeSettings scheme)
    {
        var settings = scheme.Monitoring ?? MonitoringSettings.Default;
        var rounding = Rounding.For(scheme);
        var findings = new Findings(rounding);
        var (elapsed, of) = TimeFraction(input.AsOf, settings.TimeProgress);
        var timeProgress = TimeProgress(input.AsOf, settings.TimeProgress);
        var timeFormula = Explanations.Of(
            settings.TimeProgress == TimeProgressConvention.ElapsedDays
                ? $"{Int(elapsed)} / {Int(of)} × 100 = {rounding.Format(timeProgress)}"
                : $"{Int(elapsed)} / 12 × 100 = {rounding.Format(timeProgress)}",
            ("elapsed", elapsed), ("of", of));

        var indicators = input.Indicators.OrderBy(i => i.Sequence).Select(i => Indicator(i, settings, elapsed, of, rounding, findings)).ToList();
        var budget = Budget(input, indicators, settings, elapsed, of, timeProgress, rounding, findings);

        var goal = Worst(indicators.Select(i => i.Light));
        var goalFormula = Explanations.Of(
            !indicators.Any(i => i.Light is not null)
                ? "—"
                : $"worst({string.Join(", ", indicators.Where(i => i.Light is not null).Select(i => Name(i.Light)))}) = {Name(goal)}",
            ("red", indicators.Count(i => i.Light == MonitoringLight.Red)),
            ("yellow", indicators.Count(i => i.Light == MonitoringLight.Yellow)),
            ("green", indicators.Count(i => i.Light == MonitoringLight.Green)),
            ("blue", indicators.Count(i => i.Light == MonitoringLight.Blue)));
        var combined = Worst([budget.Light, goal]);
        var combinedFormula = Explanations.Of($"worst(budget {Name(budget.Light)}, goal {Name(goal)}) = {Name(combined)}");

        return new MonitoringCard(
            input.AsOf,
            rounding.Quotient(elapsed, of, 100m),
            timeFormula,
            budget,
            indicators,
            goal,
            goalFormula,
            combined,
            combinedFormula,
            findings.ToList());
    }

    private static IndicatorMonitoring Indicator(MonitoringIndicatorInput i, MonitoringSettings settings, int elapsed, int of, Rounding rounding, Findings findings)
    {
        decimal? ratio = null;
        MonitoringLight? light;
        IndicatorLightRule rule;
        string formula;
        if (i.Kind == IndicatorKind.Qualitative)
        {
            rule = i.CurrentTier is null ? IndicatorLightRule.NotStated : IndicatorLightRule.Tier;
            light = i.CurrentTier switch
            {
                QualitativeTier.Achieved => MonitoringLight.Green,
                QualitativeTier.PartiallyAchieved => MonitoringLight.Yellow,
                QualitativeTier.NotAchieved => MonitoringLight.Red,
                _ => null,
            };
            formula = i.CurrentTier is { } tier ? $"tier {tier} → {Name(light)}" : "—";
        }
        else if (i.CurrentValue is not { } current || i.Operator is not { } op || i.Target is not { } target)
        {
            rule = IndicatorLightRule.NotStated;
            light = null;
            formula = "—";
        }
        else if (op == ComparisonOperator.AtMost)
        {
            rule = IndicatorLightRule.WithinTarget;
            light = current <= target ? MonitoringLight.Green : MonitoringLight.Red;
            formula = $"{Number(current)} ≤ {Number(target)} → {Name(light)}";
        }
        else if (op == ComparisonOperator.Equal && target == 0)
        {
            rule = IndicatorLightRule.WithinTarget;
            light = current == 0 ? MonitoringLight.Green : MonitoringLight.Red;
            formula = $"{Number(current)} = 0 → {Name(light)}";
        }
        else if (target < 0 || (op == ComparisonOperator.AtLeast && target == 0)
            || (settings.ProrateOnlyQuantityEffectSatisfaction && i.Subcategory is IndicatorSubcategory.Quality or IndicatorSubcategory.Timeliness or IndicatorSubcategory.Cost))
        {
            rule = IndicatorLightRule.WithinTarget;
            var within = op == ComparisonOperator.Equal ? current == target : current >= target;
            light = within ? MonitoringLight.Green : MonitoringLight.Red;
            formula = $"{Number(current)} {(op == ComparisonOperator.Equal ? "=" : "≥")} {Number(target)} → {Name(light)}";
        }
        else
        {
            rule = IndicatorLightRule.Prorated;

            // current / (target × (100 × elapsed / of) / 100) × 100, as one division of exact inputs.
            var exact = current * 100m * of / (target * elapsed);
            light = current == 0
                ? MonitoringLight.Red
                : Band(exact, settings.IndicatorRedBelow, settings.IndicatorYellowBelow, settings.IndicatorBlueFrom);
            ratio = rounding.Round(exact) + ZeroWith(rounding);
            formula = $"{Number(current)} / ({Number(target)} × {rounding.Format(elapsed * 100m / of)} / 100) × 100 = {rounding.Format(exact)} → {Name(light)}";
        }

        var result = new IndicatorMonitoring(
            i.IndicatorId, i.Sequence, i.Name, i.Kind, i.Operator, i.Target, i.Unit, i.CurrentValue, i.CurrentTier, ratio, rule, light, i.Deviation,
            Explanations.Of(formula, ("current", i.CurrentValue), ("target", i.Target), ("elapsed", elapsed), ("of", of),
                ("redBelow", settings.IndicatorRedBelow), ("yellowBelow", settings.IndicatorYellowBelow), ("blueFrom", settings.IndicatorBlueFrom)));
        var subject = "indicator " + Int(i.Sequence);
        var prefixZh = $"指标 {Int(i.Sequence)}「{i.Name}」";
        var prefixEn = $"Indicator {Int(i.Sequence)} ({i.Name}): ";
        if (light is MonitoringLight.Red or MonitoringLight.Yellow && !i.Deviation.IsComplete)
        {
            findings.MonitoringDeviationUnexplained(subject, prefixZh, prefixEn, light.Value, ratio);
        }
        else if (light == MonitoringLight.Blue)
        {
            findings.MonitoringAheadOfSchedule(subject, prefixZh, prefixEn, ratio);
        }

        return result;
    }

    private static BudgetMonitoring Budget(
        MonitoringInput input, IReadOnlyList<IndicatorMonitoring> indicators, MonitoringSettings settings, int elapsed, int of,
        decimal timeProgress, Rounding rounding, Findings findings)
    {
        var adjusted = input.AdjustedBudget;
        if (input.ExecutedToDate is not { } executed || adjusted <= 0)
        {
            var why = input.ExecutedToDate is null ? "executed to date not stated" : "adjusted budget is 0";
            return new BudgetMonitoring(adjusted, input.ExecutedToDate, null, null, null, null, null, input.BudgetDeviation,
                Explanations.Of($"— ({why})", ("adjustedBudget", adjusted), ("executedToDate", input.ExecutedToDate)));
        }

        var executionExact = executed * 100m / adjusted;
        var executionRate = rounding.Round(executionExact) + ZeroWith(rounding);
        MonitoringLight light;
        decimal? ratio = null;
        decimal? checkpoint = null;
        decimal? targetProgress = null;
        string formula;
        if (settings.BudgetRule == BudgetMonitoringRule.FixedCheckpoints)
        {
            checkpoint = settings.Checkpoints.Where(c => Passed(input.AsOf, c.Month)).OrderBy(c => c.Month).LastOrDefault()?.Percent;
            var prorated = indicators.Where(i => i.Rule == IndicatorLightRule.Prorated && i.Target > 0 && i.CurrentValue is not null).ToList();
            decimal? progressExact = prorated.Count == 0
                ? null
                : prorated.Sum(i => Math.Min(i.CurrentValue!.Value * 100m / i.Target!.Value, 100m)) / prorated.Count;
            targetProgress = progressExact is { } p ? rounding.Round(p) + ZeroWith(rounding) : null;

            // Exact comparisons: executed × 100 < checkpoint × adjusted; |progress − execution| > gap.
            var belowCheckpoint = checkpoint is { } c && executed * 100m < c * adjusted;
            var gapTooWide = progressExact is { } q && Math.Abs(q - executionExact) > settings.CheckpointGapPoints;
            light = belowCheckpoint || gapTooWide ? MonitoringLight.Yellow : MonitoringLight.Green;
            formula = $"{Amount(executed)} / {Amount(adjusted)} × 100 = {rounding.Format(executionExact)}"
                + (checkpoint is { } cp ? $"; checkpoint {rounding.Format(cp)}{(belowCheckpoint ? " (below)" : string.Empty)}" : "; no checkpoint passed")
                + (progressExact is { } tp ? $"; target progress {rounding.Format(tp)}, gap {rounding.Format(Math.Abs(tp - executionExact))}{(gapTooWide ? $" > {Number(settings.CheckpointGapPoints)}" : string.Empty)}" : string.Empty)
                + $" → {Name(light)}";
        }
        else
        {
            // (executed / adjusted × 100) / (100 × elapsed / of) × 100, as one division of exact inputs.
            var exact = executed * 100m * of / (adjusted * elapsed);
            light = Band(exact, settings.BudgetRedBelow, settings.BudgetYellowBelow, null);
            ratio = rounding.Round(exact) + ZeroWith(rounding);
            formula = $"({Amount(executed)} / {Amount(adjusted)} × 100) / {rounding.Format(timeProgress)} × 100 = {rounding.Format(exact)} → {Name(light)}";
        }

        if (light is MonitoringLight.Red or MonitoringLight.Yellow && !input.BudgetDeviation.IsComplete)
        {
            findings.MonitoringDeviationUnexplained(Findings.Budget, "预算执行", "Budget execution: ", light, ratio ?? executionRate);
        }

        return new BudgetMonitoring(adjusted, executed, executionRate, ratio, checkpoint, targetProgress, light, input.BudgetDeviation,
            Explanations.Of(formula, ("executedToDate", executed), ("adjustedBudget", adjusted), ("elapsed", elapsed), ("of", of),
                ("checkpoint", checkpoint), ("redBelow", settings.BudgetRedBelow), ("yellowBelow", settings.BudgetYellowBelow)));
    }

    /// <summary>The as-of date is on or after the last day of <paramref name="month"/>.</summary>
    public static bool Passed(DateOnly asOf, int month) =>
        asOf.Month > month || (asOf.Month == month && asOf.Day == DateTime.DaysInMonth(asOf.Year, month));

    private static decimal ZeroWith(Rounding rounding) => new(0, 0, 0, false, (byte)rounding.Decimals);

    private static string Name(MonitoringLight? light) => light?.ToString().ToLowerInvariant() ?? "none";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A value or target as a reader writes it: no trailing zeros of how it was stored (6322, not 6322.0).</summary>
    private static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Amount(decimal value) => Explanations.Amount(value);
}
