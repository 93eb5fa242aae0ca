using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;
using static PerfEval.Application.Indicators.QualitativeTier;

namespace PerfEval.UnitTests.Scoring;

public class QualitativeScoringTests
{
    // weight 20: achieved [16, 20], partially [12, 16), not achieved [0, 12)
    public static TheoryData<QualitativeTier, decimal, bool> Bands => new()
    {
        { Achieved, 20m, true },
        { Achieved, 16m, true },          // 0.8w
        { Achieved, 15.99m, false },      // just below 0.8w
        { Achieved, 21m, false },         // above the weight
        { PartiallyAchieved, 15.99m, true },
        { PartiallyAchieved, 16m, false },
        { PartiallyAchieved, 12m, true },  // 0.6w
        { PartiallyAchieved, 11.99m, false },
        { NotAchieved, 11.99m, true },
        { NotAchieved, 12m, false },
        { NotAchieved, 0m, true },
        { NotAchieved, -1m, false },
    };

    [Theory]
    [MemberData(nameof(Bands))]
    public void Score_Qualitative_MustLieInItsTiersBand(QualitativeTier tier, decimal score, bool inside)
    {
        var (indicator, card) = Inputs.One(Inputs.Qualitative(tier, score, weight: 20m));

        Assert.Equal(!inside, card.Codes().Contains(FindingCatalogue.QualitativeScoreOutsideTier.Code));
        Assert.Equal(!inside, indicator.Flags.HasFlag(IndicatorFlags.OutsideTier));
    }

    [Theory]
    [InlineData(20, 100.00, 20)]
    [InlineData(16, 80.00, 16)]
    [InlineData(15.99, 79.95, 15.99)]
    [InlineData(12, 60.00, 12)]
    [InlineData(0, 0.00, 0)]
    [InlineData(21, 105.00, 20)]   // above the weight: reported uncapped, scored at most the weight
    [InlineData(-1, 0.00, 0)]      // never below 0
    public void Score_Qualitative_CompletionIsScoreOverWeight(double score, double completion, double scored)
    {
        var (indicator, _) = Inputs.One(Inputs.Qualitative(Achieved, (decimal)score, weight: 20m));

        Assert.Equal((decimal)completion, indicator.Completion.Value);
        Assert.Equal((decimal)scored, indicator.Score.Value);
    }

    [Fact]
    public void Score_QualitativeOutsideTier_NamesTheBand()
    {
        var (_, card) = Inputs.One(Inputs.Qualitative(PartiallyAchieved, 11.99m, weight: 20m, sequence: 3));

        var finding = card.Single(FindingCatalogue.QualitativeScoreOutsideTier.Code);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("indicator 3", finding.Subject);
        Assert.Equal("指标 3「定性指标」定性评分 11.99 不在「部分达成」区间 [12.00, 16.00) 内（权重 20.00）", finding.MessageZh);
        Assert.Equal("Indicator 3 (定性指标): qualitative score 11.99 lies outside the partially achieved band [12.00, 16.00) (weight 20.00)", finding.MessageEn);
    }

    [Fact]
    public void Score_QualitativeAboveItsWeight_IsOutsideItsTierNotAnOverAchievement()
    {
        var (_, card) = Inputs.One(Inputs.Qualitative(Achieved, 25m, weight: 20m, deviationReason: null));

        Assert.Equal([FindingCatalogue.QualitativeScoreOutsideTier.Code], card.Codes());
    }

    [Fact]
    public void Score_QualitativeBelowFull_NeedsADeviationReason()
    {
        var (_, card) = Inputs.One(Inputs.Qualitative(Achieved, 18m, weight: 20m, deviationReason: null));

        Assert.Equal([FindingCatalogue.UnderAchievementNoReason.Code], card.Codes());
    }

    [Fact]
    public void Score_QualitativeWithoutTier_CannotBeCheckedAgainstABand()
    {
        var (indicator, card) = Inputs.One(Inputs.Qualitative(null, 18m, weight: 20m));

        Assert.Equal(18m, indicator.Score.Value);
        Assert.Equal([FindingCatalogue.QualitativeTierMissing.Code], card.Codes());
    }

    [Fact]
    public void Score_QualitativeWithoutScore_HasNoCompletionAndNoComposite()
    {
        var (indicator, card) = Inputs.One(Inputs.Qualitative(Achieved, null, weight: 20m));

        Assert.Null(indicator.Completion.Value);
        Assert.Null(card.CompositeScore.Value);
        Assert.Contains(FindingCatalogue.IndicatorValueMissing.Code, card.Codes());
    }

    [Fact]
    public void Score_QualitativeOfWeightZero_ScoresZero()
    {
        var card = Inputs.Calculate(Inputs.Scorecard(
        [
            Inputs.Qualitative(NotAchieved, 0m, weight: 0m, sequence: 1),
            Inputs.Quantitative(ComparisonOperator.AtLeast, 1m, 1m, weight: 90m, sequence: 2),
        ]));

        Assert.Null(card.Indicators[0].Completion.Value);
        Assert.Equal(0m, card.Indicators[0].Score.Value);
        Assert.Equal(100m, card.CompositeScore.Value);
        Assert.Empty(card.Findings);
    }
}
