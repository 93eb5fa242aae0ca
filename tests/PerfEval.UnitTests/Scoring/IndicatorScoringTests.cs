using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;
using static PerfEval.Application.Indicators.ComparisonOperator;

namespace PerfEval.UnitTests.Scoring;

public class IndicatorScoringTests
{
    // operator, target, final value → completion as shown, score out of 20
    public static TheoryData<ComparisonOperator, decimal, decimal, decimal, decimal> Quantitative => new()
    {
        { AtLeast, 3m, 3m, 100.00m, 20m },
        { AtLeast, 35000m, 36142m, 103.26m, 20m },
        { AtLeast, 3m, 2m, 66.67m, 13.33m },
        { AtLeast, 7m, 0m, 0.00m, 0m },
        { AtLeast, 8m, 12m, 150.00m, 20m },
        { AtLeast, 5m, -1m, 0.00m, 0m },          // negative actual: never below 0
        { AtLeast, 0m, 0m, 100.00m, 20m },        // zero target: 100 when actual ≥ 0
        { AtLeast, 0m, 7m, 100.00m, 20m },
        { AtLeast, 0m, -0.01m, 0.00m, 0m },
        { AtLeast, -5m, -3m, 100.00m, 20m },      // a negative target is met or not, no ratio
        { AtLeast, -5m, -6m, 0.00m, 0m },
        { AtMost, 1000m, 800m, 100.00m, 20m },
        { AtMost, 1000m, 1000m, 100.00m, 20m },
        { AtMost, 1000m, 1500m, 50.00m, 10m },
        { AtMost, 1000m, 1999m, 0.10m, 0.02m },
        { AtMost, 1000m, 2000m, 0.00m, 0m },      // exactly twice the target
        { AtMost, 1000m, 2500m, 0.00m, 0m },      // beyond twice the target
        { AtMost, 1000m, -5m, 100.00m, 20m },     // negative actual
        { AtMost, 0m, 0m, 100.00m, 20m },         // zero target: 100 when actual ≤ 0, else 0
        { AtMost, 0m, -3m, 100.00m, 20m },
        { AtMost, 0m, 0.01m, 0.00m, 0m },
        { Equal, 4m, 4m, 100.00m, 20m },
        { Equal, 4m, 3m, 75.00m, 15m },
        { Equal, 4m, 5m, 125.00m, 20m },          // scored as ≥
    };

    [Theory]
    [MemberData(nameof(Quantitative))]
    public void Score_Quantitative_FollowsTheOperatorRule(ComparisonOperator op, decimal target, decimal final, decimal completion, decimal score)
    {
        var (indicator, _) = Inputs.One(Inputs.Quantitative(op, target, final, weight: 20m));

        Assert.Equal(completion, indicator.Completion.Value);
        Assert.Equal(score, indicator.CappedScore.Value);
        Assert.Equal(score, indicator.Score.Value);
    }

    [Theory]
    [InlineData(4, 4, false)]
    [InlineData(4, 4.00, false)]
    [InlineData(4, 3, true)]
    [InlineData(4, 5, true)]
    public void Score_EqualTarget_IsAFindingWhenNotHitExactly(double target, double final, bool missed)
    {
        var (indicator, card) = Inputs.One(Inputs.Quantitative(Equal, (decimal)target, (decimal)final));

        Assert.Equal(missed, card.Codes().Contains(FindingCatalogue.EqualTargetMissed.Code));
        Assert.Equal(missed, indicator.Flags.HasFlag(IndicatorFlags.EqualTargetMissed));
    }

    [Fact]
    public void Score_EqualTargetMissed_NamesTargetAndValue()
    {
        var (_, card) = Inputs.One(Inputs.Quantitative(Equal, 4m, 3m, sequence: 2, name: "开办夜市数量"));

        var finding = card.Single(FindingCatalogue.EqualTargetMissed.Code);
        Assert.Equal("indicator 2", finding.Subject);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("指标 2「开办夜市数量」指标值为等于 4，本次评价完成值 3 未恰好达到", finding.MessageZh);
        Assert.Equal("Indicator 2 (开办夜市数量): target is exactly 4 but the final value is 3", finding.MessageEn);
    }

    // completion as shown, deviation reason given → expected finding codes
    [Theory]
    [InlineData(119.99, true, new string[0])]
    [InlineData(119.99, false, new string[0])]
    [InlineData(120, true, new string[0])]
    [InlineData(120, false, new[] { "OVER_ACHIEVEMENT_NO_REASON" })]
    [InlineData(149.99, false, new[] { "OVER_ACHIEVEMENT_NO_REASON" })]
    [InlineData(150, true, new[] { "TARGET_LIKELY_TOO_LOW" })]
    [InlineData(150, false, new[] { "OVER_ACHIEVEMENT_NO_REASON", "TARGET_LIKELY_TOO_LOW" })]
    [InlineData(100, false, new string[0])]
    [InlineData(99.99, true, new string[0])]
    [InlineData(99.99, false, new[] { "UNDER_ACHIEVEMENT_NO_REASON" })]
    [InlineData(0, false, new[] { "UNDER_ACHIEVEMENT_NO_REASON" })]
    public void Score_Deviation_NeedsAReasonOutside100To120(double completion, bool hasReason, string[] codes)
    {
        var (_, card) = Inputs.One(Inputs.Quantitative(AtLeast, 100m, (decimal)completion, deviationReason: hasReason ? "原因" : " "));

        Assert.Equal(codes, card.Codes());
    }

    [Fact]
    public void Score_Deviation_IsJudgedOnTheCompletionAsShown()
    {
        // 119.996% is shown as 120.00%: the reviewer sees 120 and expects a reason.
        var (indicator, card) = Inputs.One(Inputs.Quantitative(AtLeast, 1000m, 1199.96m, deviationReason: null));

        Assert.Equal(120.00m, indicator.Completion.Value);
        Assert.Equal([FindingCatalogue.OverAchievementNoReason.Code], card.Codes());
        Assert.True(indicator.Flags.HasFlag(IndicatorFlags.OverAchieved | IndicatorFlags.ReasonMissing));
    }

    [Theory]
    [InlineData(95, 80, true)]
    [InlineData(5.10, 5.01, true)]
    [InlineData(80, 80, false)]
    [InlineData(20, 72, false)]
    public void Score_FinalBelowMidYear_IsAFinding(double midYear, double final, bool below)
    {
        var (indicator, card) = Inputs.One(Inputs.Quantitative(AtLeast, 1m, (decimal)final, midYear: (decimal)midYear));

        Assert.Equal(below, card.Codes().Contains(FindingCatalogue.FinalBelowMidYear.Code));
        Assert.Equal(below, indicator.Flags.HasFlag(IndicatorFlags.FinalBelowMidYear));
    }

    [Theory]
    [InlineData(900, 800, true)]
    [InlineData(500, 800, false)]
    public void Score_FinalBelowMidYear_IsAFindingForReverseIndicatorsToo(double midYear, double final, bool below)
    {
        var (indicator, card) = Inputs.One(Inputs.Quantitative(AtMost, 1000m, (decimal)final, midYear: (decimal)midYear));

        Assert.Equal(below, card.Codes().Contains(FindingCatalogue.FinalBelowMidYear.Code));
        Assert.Equal(below, indicator.Flags.HasFlag(IndicatorFlags.FinalBelowMidYear));
    }

    [Fact]
    public void Score_FinalBelowMidYear_NamesBothValues()
    {
        var (_, card) = Inputs.One(Inputs.Quantitative(AtLeast, 80m, 80m, midYear: 95m, sequence: 2, name: "营商环境评价指标良好率"));

        var finding = card.Single(FindingCatalogue.FinalBelowMidYear.Code);
        Assert.Equal("指标 2「营商环境评价指标良好率」本次评价完成值 80 低于年中监控完成值 95", finding.MessageZh);
        Assert.Equal("Indicator 2 (营商环境评价指标良好率): final value 80 is below the mid-year value 95", finding.MessageEn);
    }

    [Theory]
    [InlineData(null, 10.0, "TARGET_MISSING")]
    [InlineData(10.0, null, "INDICATOR_VALUE_MISSING")]
    public void Score_WithoutTargetOrFinalValue_HasNoCompletionScoreOrComposite(double? target, double? final, string code)
    {
        var (indicator, card) = Inputs.One(Inputs.Quantitative(AtLeast, (decimal?)target, (decimal?)final));

        Assert.Null(indicator.Completion.Value);
        Assert.Null(indicator.Score.Value);
        Assert.Null(card.CompositeScore.Value);
        Assert.Null(card.Grade);
        Assert.Equal(FindingSeverity.Error, card.Single(code).Severity);
    }

    [Fact]
    public void Score_WithoutOperator_IsTargetMissing()
    {
        var (indicator, card) = Inputs.One(Inputs.Quantitative(null, 10m, 10m));

        Assert.Null(indicator.Completion.Value);
        Assert.Equal([FindingCatalogue.TargetMissing.Code], card.Codes());
    }

    [Fact]
    public void Score_OverAchievement_IsCappedAtTheWeightButReportedUncapped()
    {
        var (indicator, _) = Inputs.One(Inputs.Quantitative(AtLeast, 10m, 30m, weight: 20m));

        Assert.Equal(300.00m, indicator.Completion.Value);
        Assert.Equal(20m, indicator.Score.Value);
    }
}
