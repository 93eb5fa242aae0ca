using PerfEval.Application.Evaluations;
using PerfEval.Application.Scoring;

namespace PerfEval.UnitTests.Scoring;

/// <summary>DOMAIN.md's worked-examples table, figure by figure, and the seeds' known errors.</summary>
public class SeedScorecardTests
{
    public sealed record Expected(
        decimal Initial, decimal Adjustments, decimal Adjusted, decimal Executed,
        decimal AdjustmentRate, decimal ExecutionRate, decimal ExecutionScore,
        decimal[] Completions, decimal[] Weights, decimal[] Scores,
        decimal Composite, Grade Grade, string[] FindingCodes);

    public static TheoryData<string, ScorecardInput, Expected> Seeds => new()
    {
        {
            "000 工业园区管理办公室", SeedReports.IndustrialParkOffice2024,
            new Expected(23_733_500m, 14_882_000m, 38_615_500m, 36_615_500m, 62.70m, 94.82m, 9.48m,
                [100.00m, 103.26m, 100.00m, 100.20m], [20m, 25m, 20m, 25m], [20m, 25m, 20m, 25m],
                99.48m, Grade.Excellent,
                [FindingCatalogue.BudgetClassSplit.Code, FindingCatalogue.DeclaredExpenditureTotalMismatch.Code, FindingCatalogue.FinalBelowMidYear.Code])
        },
        {
            "001 商务局", SeedReports.CommerceBureau2024,
            new Expected(31_425_500m, 0m, 31_425_500m, 31_425_500m, 0.00m, 100.00m, 10.00m,
                [100.00m, 100.00m, 0.00m, 102.86m, 101.50m], [10m, 20m, 15m, 30m, 15m], [10m, 20m, 0m, 30m, 15m],
                85.00m, Grade.Good,
                // 营商环境 95% → 80% and 社会消费品 1.5% → 0%: both final values are below mid-year.
                [FindingCatalogue.DeclaredAdjustmentRateMismatch.Code, FindingCatalogue.FinalBelowMidYear.Code, FindingCatalogue.FinalBelowMidYear.Code])
        },
        {
            "002 创业服务中心", SeedReports.StartupServiceCenter2024,
            new Expected(2_523_900m, 0m, 2_523_900m, 2_474_400m, 0.00m, 98.04m, 9.80m,
                [125.00m, 150.00m, 104.00m, 120.00m, 110.50m], [10m, 20m, 30m, 15m, 15m], [10m, 20m, 30m, 15m, 15m],
                99.80m, Grade.Excellent,
                [FindingCatalogue.FinalBelowMidYear.Code, FindingCatalogue.TargetLikelyTooLow.Code])
        },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Calculate_Seed_ReproducesTheWorkedExample(string seed, ScorecardInput input, Expected expected)
    {
        var card = Inputs.Calculate(input);

        var overall = card.Budget.Overall;
        Assert.Equal(expected.Initial, overall.Initial.Value);
        Assert.Equal(expected.Adjustments, overall.Adjustments.Value);
        Assert.Equal(expected.Adjusted, overall.Adjusted.Value);
        Assert.Equal(expected.Executed, overall.Executed.Value);
        Assert.Equal(expected.AdjustmentRate, overall.AdjustmentRate.Value);
        Assert.Equal(expected.ExecutionRate, overall.ExecutionRate.Value);
        Assert.Equal(expected.ExecutionScore, card.ExecutionScore.Value);
        Assert.Equal(expected.Completions, card.Indicators.Select(i => i.Completion.Value!.Value));
        Assert.Equal(expected.Weights, card.Indicators.Select(i => i.Weight!.Value));
        Assert.Equal(expected.Scores, card.Indicators.Select(i => i.Score.Value!.Value));
        Assert.Equal(100m, card.WeightTotal.Value);
        Assert.Equal(expected.Composite, card.CompositeScore.Value);
        Assert.Equal(expected.Grade, card.Grade);
        Assert.True(expected.FindingCodes.Order().SequenceEqual(card.Codes().Order()),
            $"{seed}: expected [{string.Join(", ", expected.FindingCodes)}], got [{string.Join(", ", card.Codes())}]");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Calculate_Seed_AgreesWithEveryDeclaredScoreAndRateButTheKnownErrors(string seed, ScorecardInput input, Expected expected)
    {
        _ = expected;
        var card = Inputs.Calculate(input);

        Assert.All(card.Indicators, i => Assert.True(i.DeclaredCompletion!.Value.Consistent, $"{seed} indicator {i.Sequence} completion"));
        Assert.All(card.Indicators, i => Assert.True(i.DeclaredScore!.Value.Consistent, $"{seed} indicator {i.Sequence} score"));
        Assert.True(card.Declared.ExecutionRate!.Value.Consistent);
        Assert.True(card.Declared.ExecutionScore!.Value.Consistent);
        Assert.True(card.Declared.CompositeScore!.Value.Consistent);
        Assert.True(card.Declared.Grade!.Value.Consistent);
    }

    [Fact]
    public void Calculate_CommerceBureau_CatchesTheDeclaredAdjustmentRateOf100ForNoAdjustment()
    {
        var card = Inputs.Calculate(SeedReports.CommerceBureau2024);

        Assert.Equal(new DeclaredCheck(100m, 0.00m, false), card.Declared.AdjustmentRate);
        var finding = card.Single(FindingCatalogue.DeclaredAdjustmentRateMismatch.Code);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("budget", finding.Subject);
        Assert.Equal(100m, finding.Figures["declared"]);
        Assert.Equal(0m, finding.Figures["computed"]);
        Assert.Equal("申报预算调整率 100% 与计算值 0.00% 不一致", finding.MessageZh);
        Assert.Equal("Declared adjustment rate 100% differs from computed 0.00%", finding.MessageEn);
    }

    [Fact]
    public void Calculate_IndustrialParkOffice_CatchesBasicPlusProjectNotMatchingTheExpenditureTotal()
    {
        var card = Inputs.Calculate(SeedReports.IndustrialParkOffice2024);

        var finding = card.Single(FindingCatalogue.BudgetClassSplit.Code);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(3_368_000m, finding.Figures["basicExpenditure"]);
        Assert.Equal(33_247_500m, finding.Figures["projectExpenditure"]);
        Assert.Equal(36_615_500m, finding.Figures["sum"]);
        Assert.Equal(38_615_500m, finding.Figures["expenditureTotal"]);
        Assert.Contains("36615500", finding.MessageZh, StringComparison.Ordinal);
        Assert.Contains("38615500", finding.MessageEn, StringComparison.Ordinal);
        // The split itself is right: basic and project agree with the executed lines.
        Assert.True(card.Declared.BasicExpenditure!.Value.Consistent);
        Assert.True(card.Declared.ProjectExpenditure!.Value.Consistent);
    }

    [Fact]
    public void Calculate_StartupServiceCenter_FlagsThe150PercentIndicatorAsTargetLikelyTooLow()
    {
        var card = Inputs.Calculate(SeedReports.StartupServiceCenter2024);

        var finding = card.Single(FindingCatalogue.TargetLikelyTooLow.Code);
        Assert.Equal("indicator 2", finding.Subject);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(150.00m, finding.Figures["completion"]);
        Assert.True(card.Indicators[1].Flags.HasFlag(IndicatorFlags.TargetLikelyTooLow));
        // Flagged, never deducted silently: the score stays full until a reviewer records a deduction.
        Assert.Equal(20m, card.Indicators[1].Score.Value);
    }

    [Fact]
    public void Calculate_Seeds_FlagTheMidYearValuesAboveFinalValuesTheReportsExplain()
    {
        Assert.Contains(Inputs.Calculate(SeedReports.CommerceBureau2024).Findings,
            f => f.Code == FindingCatalogue.FinalBelowMidYear.Code && f.Subject == "indicator 2");
        Assert.Equal("indicator 1", Inputs.Calculate(SeedReports.StartupServiceCenter2024).Single(FindingCatalogue.FinalBelowMidYear.Code).Subject);
    }

    [Fact]
    public void Calculate_StartupServiceCenter_BreaksTheBudgetDownByClassAndSource()
    {
        var budget = Inputs.Calculate(SeedReports.StartupServiceCenter2024).Budget;

        Assert.Equal(2_178_000m, budget.Basic.Adjusted.Value);
        Assert.Equal(2_128_500m, budget.Basic.Executed.Value);
        Assert.Equal(97.73m, budget.Basic.ExecutionRate.Value);
        Assert.Equal(2_117_200m + 22_700m + 345_900m, budget.OwnLevel.Initial.Value);
        Assert.Equal(38_100m, budget.Superior.Initial.Value);
        Assert.Equal(0m, budget.Other.Initial.Value);
        Assert.Null(budget.Other.AdjustmentRate.Value);
        Assert.Null(budget.Other.ExecutionRate.Value);
        Assert.Equal(100.00m, budget.Project.ExecutionRate.Value);
    }
}
