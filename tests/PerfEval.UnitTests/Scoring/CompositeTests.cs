using PerfEval.Application.Evaluations;
using PerfEval.Application.Scoring;
using static PerfEval.Application.Indicators.ComparisonOperator;

namespace PerfEval.UnitTests.Scoring;

public class CompositeTests
{
    [Fact]
    public void Calculate_WeightsNotTotalling100_StillComputesTheCompositeAndSaysSo()
    {
        var card = Inputs.Calculate(Inputs.Scorecard(
        [
            Inputs.Quantitative(AtLeast, 10m, 10m, weight: 50m, sequence: 1),
            Inputs.Quantitative(AtLeast, 10m, 10m, weight: 35m, sequence: 2),
        ]));

        Assert.Equal(95m, card.WeightTotal.Value);
        Assert.Equal(95m, card.CompositeScore.Value);
        Assert.Equal(Grade.Excellent, card.Grade);
        var finding = card.Single(FindingCatalogue.WeightTotalNot100.Code);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal("composite", finding.Subject);
        Assert.Equal(95m, finding.Figures["weightTotal"]);
        Assert.Equal("Weights total 95.00 (execution 10.00 + indicators 85.00), not 100.00; the composite is still computed from the weights as given", finding.MessageEn);
    }

    [Fact]
    public void Calculate_MissingWeight_MeansNoCompositeNoGradeAndAFinding()
    {
        var card = Inputs.Calculate(Inputs.Scorecard(
        [
            Inputs.Quantitative(AtLeast, 10m, 10m, weight: 90m, sequence: 1),
            Inputs.Quantitative(AtLeast, 10m, 12m, weight: null, sequence: 2),
        ]));

        Assert.Null(card.CompositeScore.Value);
        Assert.Null(card.Grade);
        Assert.Null(card.WeightTotal.Value);
        Assert.Equal(120.00m, card.Indicators[1].Completion.Value);
        Assert.Null(card.Indicators[1].Score.Value);
        var finding = card.Single(FindingCatalogue.WeightMissing.Code);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("indicator 2", finding.Subject);
        Assert.DoesNotContain(FindingCatalogue.WeightTotalNot100.Code, card.Codes());
    }

    [Fact]
    public void Calculate_NegativeWeight_MeansNoScoreAndNoComposite()
    {
        var (indicator, card) = Inputs.One(Inputs.Quantitative(AtLeast, 10m, 10m, weight: -5m));

        Assert.Null(indicator.Score.Value);
        Assert.Null(card.CompositeScore.Value);
        Assert.Contains(FindingCatalogue.WeightNegative.Code, card.Codes());
    }

    [Fact]
    public void Calculate_WeightFinerThanTheDisplay_ScoresAtMostTheWeight()
    {
        var (indicator, _) = Inputs.One(Inputs.Quantitative(AtLeast, 10m, 10m, weight: 10.005m));

        Assert.Equal(10.005m, indicator.Score.Value);   // not 10.01
    }

    [Theory]
    [InlineData(90, Grade.Excellent)]
    [InlineData(89.99, Grade.Good)]
    [InlineData(80, Grade.Good)]
    [InlineData(79.99, Grade.Fair)]
    [InlineData(60, Grade.Fair)]
    [InlineData(59.99, Grade.Poor)]
    [InlineData(0, Grade.Poor)]
    public void GradeOf_FollowsTheBands(double composite, Grade grade) =>
        Assert.Equal(grade, ScorecardCalculator.GradeOf((decimal)composite, ScoringSchemeSettings.Default));

    [Fact]
    public void Calculate_Composite_IsTheSumOfRoundedComponents()
    {
        // Each of three scores is 20 × 2/3 = 13.333… → 13.33; their sum 39.99, not round(39.999…) = 40.00.
        var card = Inputs.Calculate(Inputs.Scorecard(
        [
            Inputs.Quantitative(AtLeast, 3m, 2m, weight: 20m, sequence: 1),
            Inputs.Quantitative(AtLeast, 3m, 2m, weight: 20m, sequence: 2),
            Inputs.Quantitative(AtLeast, 3m, 2m, weight: 20m, sequence: 3),
            Inputs.Quantitative(AtLeast, 1m, 1m, weight: 30m, sequence: 4),
        ]));

        Assert.Equal(10m + 13.33m * 3 + 30m, card.CompositeScore.Value);
    }

    [Fact]
    public void Calculate_ReviewerDeductionWithReason_LowersTheScoreAndTheComposite()
    {
        var (indicator, card) = Inputs.One(Inputs.Quantitative(AtLeast, 8m, 12m, weight: 20m, deduction: 5m, deductionReason: "指标值设置明显偏低"));

        Assert.Equal(20m, indicator.CappedScore.Value);
        Assert.Equal(5m, indicator.Deduction);
        Assert.Equal(15m, indicator.Score.Value);
        Assert.True(indicator.Flags.HasFlag(IndicatorFlags.Deducted));
        Assert.Equal(95m, card.CompositeScore.Value);
        Assert.Equal([FindingCatalogue.TargetLikelyTooLow.Code], card.Codes());
    }

    [Fact]
    public void Calculate_ReviewerDeductionWithoutReason_IsAppliedAndIsAnError()
    {
        var (indicator, card) = Inputs.One(Inputs.Quantitative(AtLeast, 10m, 10m, weight: 20m, deduction: 2.5m, deductionReason: null));

        Assert.Equal(17.5m, indicator.Score.Value);
        var finding = card.Single(FindingCatalogue.DeductionWithoutReason.Code);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("指标 1「指标」复核扣分 2.5 分未填写扣分原因", finding.MessageZh);
    }

    [Fact]
    public void Calculate_ReviewerDeductionBiggerThanTheScore_StopsAtZero()
    {
        var (indicator, card) = Inputs.One(Inputs.Quantitative(AtLeast, 10m, 5m, weight: 20m, deduction: 25m, deductionReason: "复核"));

        Assert.Equal(10m, indicator.CappedScore.Value);
        Assert.Equal(0m, indicator.Score.Value);
        Assert.Equal(FindingSeverity.Info, card.Single(FindingCatalogue.DeductionExceedsScore.Code).Severity);
    }

    [Fact]
    public void Calculate_NegativeReviewerDeduction_IsNotApplied()
    {
        var (indicator, card) = Inputs.One(Inputs.Quantitative(AtLeast, 10m, 10m, weight: 20m, deduction: -5m, deductionReason: "复核"));

        Assert.Null(indicator.Deduction);
        Assert.Equal(20m, indicator.Score.Value);
        Assert.Contains(FindingCatalogue.DeductionNegative.Code, card.Codes());
    }

    [Fact]
    public void Calculate_DeclaredCompositeAndScore_AreCheckedBeforeReviewerDeductions()
    {
        var indicator = Inputs.Quantitative(AtLeast, 10m, 10m, weight: 90m, deduction: 5m, deductionReason: "复核", declaredScore: 90m);
        var card = Inputs.Calculate(Inputs.Scorecard([indicator], declared: Inputs.Declared(compositeScore: 100m, grade: Grade.Excellent)));

        Assert.Equal(95m, card.CompositeScore.Value);
        Assert.True(card.Indicators[0].DeclaredScore!.Value.Consistent);
        Assert.Equal(new DeclaredCheck(100m, 100m, true), card.Declared.CompositeScore);
        Assert.True(card.Declared.Grade!.Value.Consistent);
        Assert.Empty(card.Findings);
    }

    [Fact]
    public void Calculate_ClosedYearDataChanged_IsAnErrorOnTheEvaluation()
    {
        var card = Inputs.Calculate(Inputs.Scorecard(dataChangedAfterClose: true));

        var finding = card.Single(FindingCatalogue.ClosedYearDataChanged.Code);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("evaluation", finding.Subject);
    }

    [Fact]
    public void Calculate_CleanDepartmentYear_HasNoFindings()
    {
        var card = Inputs.Calculate(Inputs.Scorecard());

        Assert.Empty(card.Findings);
        Assert.Equal(100m, card.CompositeScore.Value);
    }
}
