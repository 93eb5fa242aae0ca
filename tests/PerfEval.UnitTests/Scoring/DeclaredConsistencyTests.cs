using PerfEval.Application.Evaluations;
using PerfEval.Application.Scoring;
using static PerfEval.Application.Indicators.ComparisonOperator;

namespace PerfEval.UnitTests.Scoring;

public class DeclaredConsistencyTests
{
    // adjusted 2,523,900, executed 2,474,400: execution rate 98.0387…%, execution score 9.80
    private static readonly List<BudgetLineInput> StartupCenterBudget = [Inputs.Line(2_523_900m, 0m, 2_474_400m)];

    [Theory]
    [InlineData("9.8", true)]
    [InlineData("9.80", true)]
    [InlineData("10", true)]       // 9.80 to 0 decimals
    [InlineData("9.81", false)]
    [InlineData("9.9", false)]
    public void ExecutionScore_IsConsistentAtTheDeclaredDecimals(string declared, bool consistent)
    {
        var card = Inputs.Calculate(Inputs.Scorecard(lines: StartupCenterBudget, declared: Inputs.Declared(executionScore: decimal.Parse(declared, System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal(consistent, card.Declared.ExecutionScore!.Value.Consistent);
        Assert.Equal(9.80m, card.Declared.ExecutionScore!.Value.Computed);
        Assert.Equal(!consistent, card.Codes().Contains(FindingCatalogue.DeclaredExecutionScoreMismatch.Code));
    }

    [Theory]
    [InlineData("98.04", true)]
    [InlineData("98.0", true)]
    [InlineData("98", true)]
    [InlineData("98.039", true)]   // finer than shown: compared at full precision (98.0387…)
    [InlineData("98.038", false)]
    [InlineData("98.03", false)]
    public void ExecutionRate_IsConsistentAtTheDeclaredDecimals(string declared, bool consistent)
    {
        var card = Inputs.Calculate(Inputs.Scorecard(lines: StartupCenterBudget, declared: Inputs.Declared(executionRate: decimal.Parse(declared, System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal(consistent, card.Declared.ExecutionRate!.Value.Consistent);
    }

    // target, final value, declared completion → consistent
    [Theory]
    [InlineData(200, 221, "111", true)]      // computed 110.50: 111 at 0 decimals
    [InlineData(200, 221, "110.5", true)]
    [InlineData(200, 221, "110", false)]
    [InlineData(20, 25, "100", true)]        // computed 125.00: reports cap completion at 100
    [InlineData(20, 25, "100.00", true)]
    [InlineData(20, 25, "125", true)]
    [InlineData(20, 25, "120", false)]
    [InlineData(8, 12, "100", true)]         // 150.00
    [InlineData(100, 99.4, "100", false)]    // 99.40 is not ≥ 100 and rounds to 99
    [InlineData(100, 99.5, "100", true)]     // 99.50 rounds to 100 at 0 decimals
    [InlineData(241, 244.62, "101.5", true)] // 101.502…
    [InlineData(70, 72, "102.86", true)]
    public void Completion_IsConsistentAtTheDeclaredDecimalsOrWhenCappedAt100(double target, double final, string declared, bool consistent)
    {
        var (indicator, card) = Inputs.One(Inputs.Quantitative(AtLeast, (decimal)target, (decimal)final,
            declaredCompletion: decimal.Parse(declared, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(consistent, indicator.DeclaredCompletion!.Value.Consistent);
        Assert.Equal(!consistent, card.Codes().Contains(FindingCatalogue.DeclaredCompletionMismatch.Code));
    }

    [Fact]
    public void AdjustmentRate_Declared100ForNoAdjustment_IsAMismatchNamingBothNumbers()
    {
        var card = Inputs.Calculate(Inputs.Scorecard(declared: Inputs.Declared(adjustmentRate: 100m)));

        Assert.Equal(new DeclaredCheck(100m, 0.00m, false), card.Declared.AdjustmentRate);
        var finding = card.Single(FindingCatalogue.DeclaredAdjustmentRateMismatch.Code);
        Assert.Equal("申报预算调整率 100% 与计算值 0.00% 不一致", finding.MessageZh);
        Assert.Equal("Declared adjustment rate 100% differs from computed 0.00%", finding.MessageEn);
    }

    [Fact]
    public void AdjustmentRate_Declared100ForA125PercentRate_IsAMismatch()
    {
        // The "100 accepts ≥ 100" allowance is for indicator completion only.
        var card = Inputs.Calculate(Inputs.Scorecard(lines: [Inputs.Line(1000m, 1250m, 2250m)], declared: Inputs.Declared(adjustmentRate: 100m)));

        Assert.Equal(125.00m, card.Budget.Overall.AdjustmentRate.Value);
        Assert.False(card.Declared.AdjustmentRate!.Value.Consistent);
    }

    [Fact]
    public void AdjustmentRate_DeclaredWhenInitialIsZero_CannotBeConfirmed()
    {
        var card = Inputs.Calculate(Inputs.Scorecard(lines: [Inputs.Line(0m, 1000m, 1000m)], declared: Inputs.Declared(adjustmentRate: 0m)));

        Assert.Null(card.Budget.Overall.AdjustmentRate.Value);
        Assert.Equal(new DeclaredCheck(0m, null, false), card.Declared.AdjustmentRate);
        Assert.Equal("Declared adjustment rate 0%, but it cannot be computed", card.Single(FindingCatalogue.DeclaredAdjustmentRateMismatch.Code).MessageEn);
    }

    [Theory]
    [InlineData("20", true)]
    [InlineData("20.00", true)]
    [InlineData("13.3", true)]
    [InlineData("13", true)]
    [InlineData("14", false)]
    public void IndicatorScore_IsConsistentAtTheDeclaredDecimals(string declared, bool consistent)
    {
        var target = declared is "20" or "20.00" ? 2m : 3m;  // 20 × 2/3 = 13.33
        var (indicator, _) = Inputs.One(Inputs.Quantitative(AtLeast, target, 2m, weight: 20m,
            declaredScore: decimal.Parse(declared, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(consistent, indicator.DeclaredScore!.Value.Consistent);
    }

    [Fact]
    public void Grade_DeclaredBetterThanComputed_IsAMismatch()
    {
        var card = Inputs.Calculate(Inputs.Scorecard(
            [Inputs.Quantitative(AtLeast, 10m, 7m, weight: 90m)],
            declared: Inputs.Declared(compositeScore: 100m, grade: Grade.Excellent)));

        Assert.Equal(73m, card.CompositeScore.Value);
        Assert.Equal(new DeclaredGradeCheck(Grade.Excellent, Grade.Fair, false), card.Declared.Grade);
        Assert.Equal("Declared grade excellent differs from computed fair (composite 73.00 points)", card.Single(FindingCatalogue.DeclaredGradeMismatch.Code).MessageEn);
        Assert.Equal("Declared composite score 100 points differs from computed 73.00 points", card.Single(FindingCatalogue.DeclaredCompositeMismatch.Code).MessageEn);
    }

    [Fact]
    public void Amounts_AreComparedExactlyAtTheDeclaredDecimals()
    {
        var lines = new List<BudgetLineInput> { Inputs.Line(23_733_500m, 14_882_000m, 36_615_500m) };
        var declared = DeclaredFigures.None with { InitialBudget = 23_733_500m, AdjustedBudget = 38_615_500.00m, Executed = 36_615_400m };

        var card = Inputs.Calculate(Inputs.Scorecard(lines: lines, declared: declared));

        Assert.True(card.Declared.InitialBudget!.Value.Consistent);
        Assert.True(card.Declared.AdjustedBudget!.Value.Consistent);
        Assert.False(card.Declared.Executed!.Value.Consistent);
        Assert.Equal("申报执行数 36615400.00 元 与计算值 36615500.00 元 不一致", card.Single(FindingCatalogue.DeclaredExecutedMismatch.Code).MessageZh);
    }

    [Fact]
    public void NothingDeclared_ChecksNothing()
    {
        var card = Inputs.Calculate(Inputs.Scorecard());

        Assert.Equal(new DeclaredComparison(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null), card.Declared);
        Assert.Null(card.Indicators[0].DeclaredCompletion);
    }
}
