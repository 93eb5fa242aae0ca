using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;
using static PerfEval.Application.Indicators.ComparisonOperator;
using static PerfEval.Application.Scoring.MonitoringLight;

namespace PerfEval.UnitTests.Scoring;

public class MonitoringRulesTests
{
    private static readonly DateOnly June30 = new(2024, 6, 30);

    private static readonly DeviationExplanation Explained =
        new(DeviationCause.Funding, "资金拨付滞后", TargetLikelihood.Possible, 100m, "加快拨付");

    private static MonitoringIndicatorInput Indicator(
        ComparisonOperator? op, decimal? target, decimal? current, int sequence = 1, IndicatorKind kind = IndicatorKind.Quantitative,
        QualitativeTier? tier = null, IndicatorSubcategory subcategory = IndicatorSubcategory.Quantity, DeviationExplanation? deviation = null) =>
        new(sequence, sequence, "指标" + sequence, IndicatorCategory.Output, subcategory, kind, op, target, "项", current, tier, deviation ?? DeviationExplanation.None);

    private static MonitoringCard Card(
        IReadOnlyList<MonitoringIndicatorInput> indicators, decimal adjusted = 0m, decimal? executed = null, DateOnly? asOf = null,
        MonitoringSettings? settings = null, DeviationExplanation? budget = null) =>
        MonitoringRules.Calculate(
            new MonitoringInput(asOf ?? June30, adjusted, executed, budget ?? DeviationExplanation.None, indicators),
            ScoringSchemeSettings.Default with { Monitoring = settings ?? MonitoringSettings.Default });

    // Target 100 at the end of June (time progress 50): the prorated target is 50, so ratio = current × 2.
    public static TheoryData<decimal, decimal, MonitoringLight> IndicatorBandEdges => new()
    {
        { 29.995m, 59.99m, Red },
        { 30m, 60.00m, Yellow },
        { 39.995m, 79.99m, Yellow },
        { 40m, 80.00m, Green },
        { 59.995m, 119.99m, Green },
        { 60m, 120.00m, Blue },
        { 0m, 0.00m, Red },
        { 39.998m, 80.00m, Yellow },   // 79.996 shows as 80.00 and is still yellow: the band is decided on the exact ratio
        { 59.998m, 120.00m, Green },   // 119.996 shows as 120.00, still green
    };

    [Theory]
    [MemberData(nameof(IndicatorBandEdges))]
    public void IndicatorLight_AtLeast_IsBandedOnTheExactRatio(decimal current, decimal shownRatio, MonitoringLight light)
    {
        var indicator = Card([Indicator(AtLeast, 100m, current)]).Indicators[0];

        Assert.Equal(IndicatorLightRule.Prorated, indicator.Rule);
        Assert.Equal(light, indicator.Light);
        Assert.Equal(shownRatio.ToString("F2", System.Globalization.CultureInfo.InvariantCulture), indicator.Ratio!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void IndicatorLight_EqualWithATarget_IsProratedAsAtLeast()
    {
        Assert.Equal(Blue, Card([Indicator(Equal, 4m, 4m)]).Indicators[0].Light);   // 4 / (4 × 0.5) = 200
        Assert.Equal(Yellow, Card([Indicator(Equal, 10m, 3.5m)]).Indicators[0].Light); // 70
    }

    public static TheoryData<ComparisonOperator, decimal, decimal, MonitoringLight> WithinTarget => new()
    {
        { AtMost, 5m, 5m, Green },       // ≤: within the target, whatever the time
        { AtMost, 5m, 4m, Green },
        { AtMost, 5m, 5.01m, Red },
        { Equal, 0m, 0m, Green },        // = with target 0: green only when equal
        { Equal, 0m, 0.5m, Red },
        { Equal, 0m, -1m, Red },
        { AtLeast, 0m, 0m, Green },      // ≥ with target 0: met or not, no ratio
        { AtLeast, 0m, -1m, Red },
        { AtLeast, -5m, -3m, Green },    // a negative target is met or not
        { AtLeast, -5m, -6m, Red },
    };

    [Theory]
    [MemberData(nameof(WithinTarget))]
    public void IndicatorLight_WithoutProration_IsGreenWithinTheTargetElseRed(ComparisonOperator op, decimal target, decimal current, MonitoringLight light)
    {
        var indicator = Card([Indicator(op, target, current)]).Indicators[0];

        Assert.Equal(IndicatorLightRule.WithinTarget, indicator.Rule);
        Assert.Equal(light, indicator.Light);
        Assert.Null(indicator.Ratio);
    }

    [Theory]
    [InlineData(QualitativeTier.Achieved, Green)]
    [InlineData(QualitativeTier.PartiallyAchieved, Yellow)]
    [InlineData(QualitativeTier.NotAchieved, Red)]
    public void IndicatorLight_Qualitative_FollowsItsTier(QualitativeTier tier, MonitoringLight light)
    {
        var indicator = Card([Indicator(null, null, null, kind: IndicatorKind.Qualitative, tier: tier)]).Indicators[0];

        Assert.Equal(IndicatorLightRule.Tier, indicator.Rule);
        Assert.Equal(light, indicator.Light);
    }

    [Fact]
    public void IndicatorLight_WithoutAValue_IsNotStatedAndLeavesTheGoalLight()
    {
        var card = Card([Indicator(AtLeast, 10m, null, 1), Indicator(AtLeast, 10m, 5m, 2), Indicator(null, null, null, 3, IndicatorKind.Qualitative)]);

        Assert.Equal(IndicatorLightRule.NotStated, card.Indicators[0].Rule);
        Assert.Null(card.Indicators[0].Light);
        Assert.Null(card.Indicators[2].Light);
        Assert.Equal(Green, card.GoalLight);
    }

    [Fact]
    public void IndicatorLight_ProrateOnlyOption_JudgesQualityTimelinessAndCostWithinTheTarget()
    {
        var settings = MonitoringSettings.Default with { ProrateOnlyQuantityEffectSatisfaction = true };

        var card = Card(
            [
                Indicator(AtLeast, 95m, 96m, 1, subcategory: IndicatorSubcategory.Quality),
                Indicator(AtLeast, 95m, 90m, 2, subcategory: IndicatorSubcategory.Timeliness),
                Indicator(AtLeast, 100m, 20m, 3, subcategory: IndicatorSubcategory.Quantity),
                Indicator(AtLeast, 100m, 40m, 4, subcategory: IndicatorSubcategory.SocialBenefit),
            ],
            settings: settings);

        Assert.Equal([Green, Red, Red, Green], card.Indicators.Select(i => i.Light!.Value));
        Assert.Equal(IndicatorLightRule.WithinTarget, card.Indicators[0].Rule);
        Assert.Equal(IndicatorLightRule.Prorated, card.Indicators[3].Rule);

        // Without the option, the quality indicator is prorated: 96 / 47.5 → 202.11 blue.
        Assert.Equal(Blue, Card([Indicator(AtLeast, 95m, 96m, subcategory: IndicatorSubcategory.Quality)]).Indicators[0].Light);
    }

    [Fact]
    public void IndicatorLight_ThresholdsAreSchemeSettings()
    {
        var strict = MonitoringSettings.Default with { IndicatorRedBelow = 70m, IndicatorYellowBelow = 90m, IndicatorBlueFrom = 150m };

        Assert.Equal(Red, Card([Indicator(AtLeast, 100m, 34m)], settings: strict).Indicators[0].Light);    // 68
        Assert.Equal(Yellow, Card([Indicator(AtLeast, 100m, 44m)], settings: strict).Indicators[0].Light); // 88
        Assert.Equal(Green, Card([Indicator(AtLeast, 100m, 70m)], settings: strict).Indicators[0].Light);  // 140
    }

    [Theory]
    [InlineData(2024, 6, 30, 50)]
    [InlineData(2024, 6, 1, 50)]
    [InlineData(2024, 1, 31, 8.33)]
    [InlineData(2024, 12, 31, 100)]
    public void TimeProgress_MonthOfYear_IsMonthOverTwelve(int year, int month, int day, double shown)
    {
        var card = Card([], asOf: new DateOnly(year, month, day));

        Assert.Equal((decimal)shown, card.TimeProgress);
        Assert.Equal(2, card.TimeProgress.Scale);
    }

    [Theory]
    [InlineData(2024, 2, 29, 60, 366, 16.39)]   // leap year: February 29 is day 60 of 366
    [InlineData(2024, 6, 30, 182, 366, 49.73)]
    [InlineData(2023, 6, 30, 181, 365, 49.59)]
    [InlineData(2024, 12, 31, 366, 366, 100)]
    [InlineData(2023, 12, 31, 365, 365, 100)]
    [InlineData(2023, 1, 1, 1, 365, 0.27)]
    public void TimeProgress_ElapsedDays_CountsTheAsOfDayOverTheDaysOfTheYear(int year, int month, int day, int elapsed, int of, double shown)
    {
        var asOf = new DateOnly(year, month, day);
        var settings = MonitoringSettings.Default with { TimeProgress = TimeProgressConvention.ElapsedDays };

        Assert.Equal((elapsed, of), MonitoringRules.TimeFraction(asOf, TimeProgressConvention.ElapsedDays));
        Assert.Equal((decimal)shown, Card([], asOf: asOf, settings: settings).TimeProgress);
    }

    [Fact]
    public void IndicatorLight_ElapsedDays_ProratesByTheExactDayFraction()
    {
        var settings = MonitoringSettings.Default with { TimeProgress = TimeProgressConvention.ElapsedDays };

        // 30 / (100 × 182 / 366) × 100 = 60.33 (month / 12 would give exactly 60).
        var indicator = Card([Indicator(AtLeast, 100m, 30m)], settings: settings).Indicators[0];

        Assert.Equal(60.33m, indicator.Ratio);
        Assert.Equal(Yellow, indicator.Light);

        // 29.8 → 59.93: red by days, where month / 12 says 59.60, also red; 29.9 → 60.13 yellow by days.
        Assert.Equal(Yellow, Card([Indicator(AtLeast, 100m, 29.9m)], settings: settings).Indicators[0].Light);
        Assert.Equal(Red, Card([Indicator(AtLeast, 100m, 29.9m)]).Indicators[0].Light);
    }

    // Adjusted 1,000,000 at the end of June: ratio = execution rate × 2.
    public static TheoryData<decimal, decimal, MonitoringLight> BudgetBandEdges => new()
    {
        { 299_950m, 59.99m, Red },
        { 300_000m, 60.00m, Yellow },
        { 399_950m, 79.99m, Yellow },
        { 400_000m, 80.00m, Green },
        { 600_000m, 120.00m, Green },   // the budget has no blue
        { 0m, 0.00m, Red },
    };

    [Theory]
    [MemberData(nameof(BudgetBandEdges))]
    public void BudgetLight_IsTheExecutionRateAgainstTimeProgress(decimal executed, decimal ratio, MonitoringLight light)
    {
        var budget = Card([], adjusted: 1_000_000m, executed: executed).Budget;

        Assert.Equal(ratio, budget.Ratio);
        Assert.Equal(light, budget.Light);
    }

    [Fact]
    public void BudgetLight_WhenExecutedNotStatedOrNoBudget_IsNoneAndCombinedUsesTheGoal()
    {
        var notStated = Card([Indicator(AtLeast, 10m, 1m)], adjusted: 1_000_000m);
        Assert.Null(notStated.Budget.Light);
        Assert.Null(notStated.Budget.ExecutionRate);
        Assert.Equal(Red, notStated.GoalLight);
        Assert.Equal(Red, notStated.CombinedLight);

        var noBudget = Card([], adjusted: 0m, executed: 10m);
        Assert.Null(noBudget.Budget.Light);
        Assert.Null(noBudget.CombinedLight);
    }

    [Theory]
    [InlineData(2024, 4, 29, 240_000, null, Green)]      // April not over: no checkpoint yet
    [InlineData(2024, 4, 30, 249_900, 25, Yellow)]       // end of April: below 25 %
    [InlineData(2024, 4, 30, 250_000, 25, Green)]
    [InlineData(2024, 6, 30, 399_900, 40, Yellow)]
    [InlineData(2024, 7, 15, 400_000, 40, Green)]
    [InlineData(2024, 8, 31, 599_900, 60, Yellow)]
    [InlineData(2024, 10, 31, 800_000, 80, Green)]
    [InlineData(2024, 12, 31, 799_900, 80, Yellow)]
    public void BudgetLight_FixedCheckpoints_WarnBelowTheCheckpointPassed(int year, int month, int day, int executed, int? checkpoint, MonitoringLight light)
    {
        var settings = MonitoringSettings.Default with { BudgetRule = BudgetMonitoringRule.FixedCheckpoints };

        var budget = Card([], adjusted: 1_000_000m, executed: executed, asOf: new DateOnly(year, month, day), settings: settings).Budget;

        Assert.Equal(checkpoint, (int?)budget.Checkpoint);
        Assert.Equal(light, budget.Light);
        Assert.Null(budget.Ratio);
    }

    [Theory]
    [InlineData(50, Green)]      // progress 60, execution 50: a gap of 10 is allowed
    [InlineData(49.99, Yellow)]  // a gap above 10 points is a warning
    [InlineData(70, Green)]
    [InlineData(70.01, Yellow)]  // either way
    public void BudgetLight_FixedCheckpoints_WarnOnAGapOverTenPointsToTargetProgress(decimal executionPercent, MonitoringLight light)
    {
        var settings = MonitoringSettings.Default with { BudgetRule = BudgetMonitoringRule.FixedCheckpoints };

        // Target progress: mean of 40 / 100 and 80 / 100 (and a capped 150 / 100 → 100) = (40 + 80 + 60) / 3 with the third at 60.
        var indicators = new[] { Indicator(AtLeast, 100m, 40m, 1), Indicator(AtLeast, 100m, 80m, 2), Indicator(AtLeast, 100m, 60m, 3) };
        var budget = Card(indicators, adjusted: 1_000_000m, executed: executionPercent * 10_000m, settings: settings).Budget;

        Assert.Equal(60.00m, budget.TargetProgress);
        Assert.Equal(light, budget.Light);
    }

    [Fact]
    public void BudgetLight_FixedCheckpoints_CapEachIndicatorsProgressAt100()
    {
        var settings = MonitoringSettings.Default with { BudgetRule = BudgetMonitoringRule.FixedCheckpoints };

        var budget = Card([Indicator(AtLeast, 10m, 15m, 1), Indicator(AtLeast, 10m, 5m, 2)], adjusted: 100m, executed: 75m, settings: settings).Budget;

        Assert.Equal(75.00m, budget.TargetProgress);
        Assert.Equal(Green, budget.Light);
    }

    [Fact]
    public void GoalAndCombinedLights_AreTheWorst_BlueCountingAsGreen()
    {
        var allBlueOrGreen = Card([Indicator(AtLeast, 10m, 10m, 1), Indicator(AtLeast, 10m, 4m, 2)], adjusted: 100m, executed: 50m);
        Assert.Equal([Blue, Green], allBlueOrGreen.Indicators.Select(i => i.Light!.Value));
        Assert.Equal(Green, allBlueOrGreen.GoalLight);
        Assert.Equal(Green, allBlueOrGreen.Budget.Light);
        Assert.Equal(Green, allBlueOrGreen.CombinedLight);

        var yellowGoal = Card([Indicator(AtLeast, 10m, 10m, 1), Indicator(AtLeast, 10m, 3.5m, 2)], adjusted: 100m, executed: 20m);
        Assert.Equal(Yellow, yellowGoal.GoalLight);
        Assert.Equal(Red, yellowGoal.Budget.Light);        // 20 / 50 = 40
        Assert.Equal(Red, yellowGoal.CombinedLight);

        var redGoal = Card([Indicator(AtLeast, 10m, 0m, 1)], adjusted: 100m, executed: 35m);
        Assert.Equal(Yellow, redGoal.Budget.Light);        // 70
        Assert.Equal(Red, redGoal.CombinedLight);
    }

    [Fact]
    public void WorkedExample000_GoalLightIsRed()
    {
        var card = Card(
        [
            Indicator(AtLeast, 3m, 0m, 1),
            Indicator(AtLeast, 35000m, 6322m, 2),
            Indicator(AtLeast, 5m, 1m, 3),
            Indicator(AtLeast, 5m, 5.10m, 4),
        ]);

        Assert.Equal([Red, Red, Red, Blue], card.Indicators.Select(i => i.Light!.Value));
        Assert.Equal([0.00m, 36.13m, 40.00m, 204.00m], card.Indicators.Select(i => i.Ratio!.Value));
        Assert.Equal(Red, card.GoalLight);
        Assert.Equal(50.00m, card.TimeProgress);
    }

    [Fact]
    public void WorkedExample002_GoalLightIsRed()
    {
        var card = Card(
        [
            Indicator(AtLeast, 20m, 36m, 1),
            Indicator(AtLeast, 8m, 4m, 2),
            Indicator(AtLeast, 50m, 20m, 3),
            Indicator(AtLeast, 10m, 2m, 4),
            Indicator(AtLeast, 200m, 165m, 5),
        ]);

        Assert.Equal([Blue, Green, Green, Red, Blue], card.Indicators.Select(i => i.Light!.Value));
        Assert.Equal([360.00m, 100.00m, 80.00m, 40.00m, 165.00m], card.Indicators.Select(i => i.Ratio!.Value));
        Assert.Equal(Red, card.GoalLight);
    }

    [Fact]
    public void Findings_RedOrYellowWithoutItsExplanation_IsAFindingPerItem()
    {
        var card = Card(
            [
                Indicator(AtLeast, 10m, 1m, 1),                         // red, unexplained
                Indicator(AtLeast, 10m, 3.5m, 2, deviation: Explained), // yellow, explained
                Indicator(AtLeast, 10m, 3.5m, 3, deviation: Explained with { CauseText = " " }),
                Indicator(AtLeast, 10m, 3.5m, 4, deviation: Explained with { Likelihood = null }),
                Indicator(AtLeast, 10m, 3.5m, 5, deviation: Explained with { ExpectedFullYear = null }),
                Indicator(AtLeast, 10m, 3.5m, 6, deviation: Explained with { Cause = null }),
                Indicator(AtLeast, 10m, 3.5m, 7, deviation: Explained with { CorrectiveMeasure = null }), // the measure is not required
                Indicator(AtLeast, 10m, 5m, 8),                         // green: nothing to explain
            ],
            adjusted: 100m,
            executed: 10m);

        var unexplained = card.Findings.Where(f => f.Code == FindingCatalogue.MonitoringDeviationUnexplained.Code).Select(f => f.Subject).ToList();
        Assert.Equal(["indicator 1", "indicator 3", "indicator 4", "indicator 5", "indicator 6", "budget"], unexplained);
        Assert.All(card.Findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
        Assert.Contains("红灯", card.Findings[0].MessageZh);
        Assert.Contains("red light", card.Findings[0].MessageEn);

        var explainedBudget = Card([], adjusted: 100m, executed: 10m, budget: Explained);
        Assert.Empty(explainedBudget.Findings);
    }

    [Fact]
    public void Findings_BlueIsAheadOfScheduleInfo()
    {
        var finding = Assert.Single(Card([Indicator(AtLeast, 20m, 36m, 1)]).Findings);

        Assert.Equal(FindingCatalogue.MonitoringAheadOfSchedule.Code, finding.Code);
        Assert.Equal(FindingSeverity.Info, finding.Severity);
        Assert.Equal(360.00m, finding.Figures["ratio"]);
    }

    [Fact]
    public void Explanations_NameEachLightsFormulaAndInputs()
    {
        var card = Card([Indicator(AtLeast, 35000m, 6322m, 2)], adjusted: 1000m, executed: 300m);

        Assert.Equal("6 / 12 × 100 = 50.00", card.TimeProgressExplanation!.Formula);
        Assert.Equal("6322 / (35000 × 50.00 / 100) × 100 = 36.13 → red", card.Indicators[0].Explanation!.Formula);
        Assert.Equal(6322m, card.Indicators[0].Explanation!.Inputs["current"]);
        Assert.Equal("(300.00 / 1000.00 × 100) / 50.00 × 100 = 60.00 → yellow", card.Budget.Explanation!.Formula);
        Assert.Equal("worst(red) = red", card.GoalExplanation!.Formula);
        Assert.Equal("worst(budget yellow, goal red) = red", card.CombinedExplanation!.Formula);

        var plain = card.WithoutExplanations();
        Assert.Null(plain.TimeProgressExplanation);
        Assert.Null(plain.Budget.Explanation);
        Assert.All(plain.Indicators, i => Assert.Null(i.Explanation));
    }

    [Fact]
    public void Settings_AreValidated()
    {
        Assert.Empty(ScoringSchemeSettings.Default.Validate());

        var bad = ScoringSchemeSettings.Default with
        {
            Monitoring = MonitoringSettings.Default with
            {
                IndicatorYellowBelow = 50m,
                IndicatorBlueFrom = 40m,
                Checkpoints = [new(4, 25m), new(4, 30m)],
            },
        };
        var problems = bad.Validate().Select(p => p.Setting).ToList();
        Assert.Contains("monitoring.IndicatorYellowBelow", problems);
        Assert.Contains("monitoring.IndicatorBlueFrom", problems);
        Assert.Contains("monitoring.Checkpoints", problems);
        Assert.Contains(nameof(ScoringSchemeSettings.Monitoring), (ScoringSchemeSettings.Default with { Monitoring = null! }).Validate().Select(p => p.Setting));
    }
}
