using PerfEval.Application.Scoring;
using static PerfEval.Application.Indicators.ComparisonOperator;

namespace PerfEval.UnitTests.Scoring;

public class ExplanationTests
{
    [Fact]
    public void Calculate_Explained_GivesTheFormulaWithTheActualNumbers()
    {
        var card = Inputs.Calculate(SeedReports.IndustrialParkOffice2024, explain: true);

        var rate = card.Budget.Overall.ExecutionRate.Explanation!;
        Assert.Equal("36615500.00 / 38615500.00 × 100", rate.Formula);
        Assert.Equal(36_615_500m, rate.Inputs["executed"]);
        Assert.Equal(38_615_500m, rate.Inputs["adjusted"]);
        Assert.Equal("14882000.00 / 23733500.00 × 100", card.Budget.Overall.AdjustmentRate.Explanation!.Formula);
        Assert.Equal("23733500.00 + 14882000.00", card.Budget.Overall.Adjusted.Explanation!.Formula);
        Assert.Equal("3186200.00 + 181800.00 + 20365500.00", card.Budget.Overall.Initial.Explanation!.Formula);
        Assert.Equal("53500.00 + 20312000.00", card.Budget.Project.Initial.Explanation!.Formula);
        Assert.Equal(53_500m, card.Budget.Project.Initial.Explanation!.Inputs["line 3"]);
        Assert.StartsWith("10 × min(94.8207", card.ExecutionScore.Explanation!.Formula, StringComparison.Ordinal);

        var second = card.Indicators[1];
        Assert.Equal("max(36142 / 35000 × 100, 0)", second.Completion.Explanation!.Formula);
        Assert.StartsWith("25 × min(103.2628", second.CappedScore.Explanation!.Formula, StringComparison.Ordinal);
        Assert.Equal("9.48 + 20 + 25 + 20 + 25", card.CompositeScore.Explanation!.Formula);
        Assert.Equal("10 + 20 + 25 + 20 + 25", card.WeightTotal.Explanation!.Formula);
        Assert.Equal(9.48m, card.CompositeScore.Explanation!.Inputs["executionScore"]);
    }

    [Theory]
    [InlineData(AtMost, 1000, 800, "800 ≤ 1000 → 100")]
    [InlineData(AtMost, 1000, 1500, "max((1 − (1500 − 1000) / 1000) × 100, 0)")]
    [InlineData(AtLeast, 0, 5, "5 ≥ 0（目标值不大于 0） → 100")]
    [InlineData(Equal, 4, 3, "按 ≥ 计分：max(3 / 4 × 100, 0)")]
    public void Calculate_Explained_SaysWhichRuleGaveTheCompletion(PerfEval.Application.Indicators.ComparisonOperator op, int target, int final, string formula)
    {
        var card = Inputs.Calculate(Inputs.Scorecard([Inputs.Quantitative(op, target, final)]), explain: true);

        Assert.Equal(formula, card.Indicators[0].Completion.Explanation!.Formula);
    }

    /// <summary>The words of a formula follow the request's language, as every message does; the numbers do not change.</summary>
    [Theory]
    [InlineData("zh-CN", "按 ≥ 计分：max(3 / 4 × 100, 0)", "无完成率：需要比较方式、目标值和完成值")]
    [InlineData("en", "scored as ≥: max(3 / 4 × 100, 0)", "no completion: an operator, a target and a final value are needed")]
    public void Calculate_Explained_WritesTheFormulasWordsInTheRequestsLanguage(string culture, string equalFormula, string noCompletion)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        try
        {
            var card = Inputs.Calculate(Inputs.Scorecard([Inputs.Quantitative(Equal, 4, 3), Inputs.Quantitative(AtLeast, 4, null)]), explain: true);

            Assert.Equal(equalFormula, card.Indicators[0].Completion.Explanation!.Formula);
            Assert.Equal(noCompletion, card.Indicators[1].Completion.Explanation!.Formula);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Calculate_Explained_ShowsTheDeduction()
    {
        var card = Inputs.Calculate(Inputs.Scorecard([Inputs.Quantitative(AtLeast, 10m, 10m, deduction: 5m, deductionReason: "复核")]), explain: true);

        Assert.Equal("max(90 − 5, 0)", card.Indicators[0].Score.Explanation!.Formula);
    }

    [Fact]
    public void Calculate_NotExplained_BuildsNoExplanation()
    {
        var card = Inputs.Calculate(SeedReports.IndustrialParkOffice2024);
        var b = card.Budget;
        Computed[] all =
        [
            card.ExecutionScore, card.WeightTotal, card.CompositeScore,
            .. new[] { b.Overall, b.Personnel, b.Operating, b.Basic, b.Project, b.Superior, b.OwnLevel, b.Other }
                .SelectMany(f => new[] { f.Initial, f.Adjustments, f.Adjusted, f.Executed, f.AdjustmentRate, f.ExecutionRate }),
            .. card.Indicators.SelectMany(i => new[] { i.Completion, i.CappedScore, i.Score }),
        ];

        Assert.All(all, c => Assert.Null(c.Explanation));
    }
}
