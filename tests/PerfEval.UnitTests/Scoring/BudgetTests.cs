using PerfEval.Application.Budgets;
using PerfEval.Application.Scoring;
using static PerfEval.Application.Budgets.ExpenditureClass;
using static PerfEval.Application.Budgets.FundingSource;

namespace PerfEval.UnitTests.Scoring;

public class BudgetTests
{
    [Fact]
    public void Calculate_Budget_BreaksDownByClassAndSource()
    {
        var card = Inputs.Calculate(Inputs.Scorecard(lines:
        [
            Inputs.Line(300m, 0m, 300m, Personnel, OwnLevel),
            Inputs.Line(100m, -20m, 70m, Operating, OwnLevel),
            Inputs.Line(600m, 200m, 700m, Project, Superior),
            Inputs.Line(0m, 100m, 100m, Project, Other),
        ]));
        var b = card.Budget;

        Assert.Equal((1000m, 280m, 1280m, 1170m), Amounts(b.Overall));
        Assert.Equal((300m, 0m, 300m, 300m), Amounts(b.Personnel));
        Assert.Equal((100m, -20m, 80m, 70m), Amounts(b.Operating));
        Assert.Equal((400m, -20m, 380m, 370m), Amounts(b.Basic));
        Assert.Equal((600m, 300m, 900m, 800m), Amounts(b.Project));
        Assert.Equal((400m, -20m, 380m, 370m), Amounts(b.OwnLevel));
        Assert.Equal((600m, 200m, 800m, 700m), Amounts(b.Superior));
        Assert.Equal((0m, 100m, 100m, 100m), Amounts(b.Other));
        Assert.Equal(28.00m, b.Overall.AdjustmentRate.Value);
        Assert.Equal(-20.00m, b.Operating.AdjustmentRate.Value);   // signed
        Assert.Null(b.Other.AdjustmentRate.Value);                 // initial 0
        Assert.Equal(91.41m, b.Overall.ExecutionRate.Value);       // 1170 / 1280 = 91.40625%
        Assert.Equal(87.50m, b.Operating.ExecutionRate.Value);
        Assert.Equal(9.14m, card.ExecutionScore.Value);
    }

    [Fact]
    public void Calculate_ExecutedOverAdjusted_IsFlaggedPerLineAndOverall()
    {
        var card = Inputs.Calculate(Inputs.Scorecard(lines:
        [
            Inputs.Line(1000m, 0m, 1200m, id: 7),
            Inputs.Line(1000m, 0m, 500m),
        ]));

        var line = card.Findings.Single(f => f.Subject == "budget line 7");
        Assert.Equal(FindingCatalogue.ExecutedOverAdjusted.Code, line.Code);
        Assert.Equal(FindingSeverity.Error, line.Severity);
        Assert.Equal("预算行 7：执行数 1200.00 元 超过调整后预算数 1000.00 元（超出 200.00 元）", line.MessageZh);
        Assert.Equal(200m, line.Figures["excess"]);
        Assert.DoesNotContain(card.Findings, f => f.Subject == "budget");  // overall 1700 ≤ 2000

        var overall = Inputs.Calculate(Inputs.Scorecard(lines: [Inputs.Line(1000m, 0m, 1200m)]));
        Assert.Equal(["budget line #1", "budget"], overall.Findings.Select(f => f.Subject));
        Assert.Equal(120.00m, overall.Budget.Overall.ExecutionRate.Value);
        Assert.Equal(10.00m, overall.ExecutionScore.Value);    // capped at the execution weight
    }

    [Fact]
    public void Calculate_NoAdjustedBudget_HasNoExecutionScoreAndNoComposite()
    {
        var card = Inputs.Calculate(Inputs.Scorecard(lines: []));

        Assert.Null(card.Budget.Overall.ExecutionRate.Value);
        Assert.Null(card.ExecutionScore.Value);
        Assert.Null(card.CompositeScore.Value);
        Assert.Contains(FindingCatalogue.AdjustedBudgetZero.Code, card.Codes());
    }

    [Fact]
    public void Calculate_DeclaredIdentities_AreCheckedWhenEveryFigureIsDeclared()
    {
        var declared = DeclaredFigures.None with
        {
            InitialBudget = 1000m,
            Adjustments = 100m,
            AdjustedBudget = 1200m,
            InitialSuperior = 100m,
            InitialOwnLevel = 800m,
            InitialOther = 0m,
        };

        var card = Inputs.Calculate(Inputs.Scorecard(lines: [Inputs.Line(1000m, 100m, 1100m)], declared: declared));

        var adjusted = card.Single(FindingCatalogue.BudgetAdjustedIdentity.Code);
        Assert.Equal("Declared initial budget 1000.00 + adjustments 100.00 = 1100.00 yuan differs from the declared adjusted budget 1200.00 yuan", adjusted.MessageEn);
        var funding = card.Single(FindingCatalogue.BudgetFundingSplit.Code);
        Assert.Equal(900m, funding.Figures["sum"]);
        Assert.Equal("申报上级资金 100.00 元 + 本级资金 800.00 元 + 其他资金 0.00 元 = 900.00 元，与申报年初预算数 1000.00 元 不一致", funding.MessageZh);
        // Each declared amount is also compared with the lines.
        Assert.Contains(FindingCatalogue.DeclaredAdjustedBudgetMismatch.Code, card.Codes());
        Assert.Contains(FindingCatalogue.DeclaredInitialSuperiorMismatch.Code, card.Codes());
        Assert.DoesNotContain(FindingCatalogue.BudgetClassSplit.Code, card.Codes());
    }

    [Fact]
    public void Calculate_DeclaredIdentities_AreSkippedWhenAFigureIsMissing()
    {
        var declared = DeclaredFigures.None with { InitialBudget = 1000m, AdjustedBudget = 1200m, BasicExpenditure = 1m, ExpenditureTotal = 5m };

        var card = Inputs.Calculate(Inputs.Scorecard(lines: [Inputs.Line(1000m, 200m, 1200m)], declared: declared));

        Assert.DoesNotContain(FindingCatalogue.BudgetAdjustedIdentity.Code, card.Codes());
        Assert.DoesNotContain(FindingCatalogue.BudgetClassSplit.Code, card.Codes());
    }

    [Fact]
    public void Calculate_DeclaredExpenditureSplit_IsComparedWithTheExecutedAmounts()
    {
        var declared = DeclaredFigures.None with { ExpenditureTotal = 1100m, BasicExpenditure = 300m, ProjectExpenditure = 800m };

        var card = Inputs.Calculate(Inputs.Scorecard(lines:
        [
            Inputs.Line(300m, 0m, 300m, Personnel),
            Inputs.Line(900m, 0m, 800m, Project),
        ], declared: declared));

        Assert.True(card.Declared.ExpenditureTotal!.Value.Consistent);
        Assert.True(card.Declared.BasicExpenditure!.Value.Consistent);
        Assert.True(card.Declared.ProjectExpenditure!.Value.Consistent);
        Assert.Empty(card.Findings);
    }

    [Fact]
    public void Calculate_DeclaredPersonnelAndOperating_AreComparedWithTheLinesAdjustedBudgets()
    {
        // 人员经费 318.62 + 公用经费 18.18 万元 as seed 000 prints them; the operating line holds 100 yuan less.
        var declared = DeclaredFigures.None with { Personnel = 3_186_200m, Operating = 181_800m };

        var card = Inputs.Calculate(Inputs.Scorecard(lines:
        [
            Inputs.Line(3_186_200m, 0m, 3_186_200m, Personnel),
            Inputs.Line(181_700m, 0m, 181_700m, Operating),
            Inputs.Line(900m, 0m, 800m, Project),
        ], declared: declared));

        var finding = card.Single(FindingCatalogue.DeclaredOperatingMismatch.Code);
        Assert.Equal("申报公用经费 181800.00 元 与计算值 181700.00 元 不一致", finding.MessageZh);
        Assert.DoesNotContain(FindingCatalogue.DeclaredPersonnelMismatch.Code, card.Codes());
    }

    [Fact]
    public void Calculate_DeclaredPersonnelAndOperating_AreNotComparedWhileABasicLineLeavesTheSplitUnstated()
    {
        var declared = DeclaredFigures.None with { Personnel = 3_186_200m, Operating = 181_800m };

        var card = Inputs.Calculate(Inputs.Scorecard(lines:
        [
            Inputs.Line(3_368_000m, 0m, 3_368_000m, ExpenditureClass.Basic, FundingSource.Unstated),
            Inputs.Line(900m, 0m, 800m, Project),
        ], declared: declared));

        Assert.DoesNotContain(FindingCatalogue.DeclaredPersonnelMismatch.Code, card.Codes());
        Assert.DoesNotContain(FindingCatalogue.DeclaredOperatingMismatch.Code, card.Codes());
    }

    private static (decimal?, decimal?, decimal?, decimal?) Amounts(BudgetFigures f) =>
        (f.Initial.Value, f.Adjustments.Value, f.Adjusted.Value, f.Executed.Value);
}
