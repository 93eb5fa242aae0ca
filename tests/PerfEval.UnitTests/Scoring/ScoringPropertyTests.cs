using FsCheck;
using FsCheck.Fluent;
using PerfEval.Application.Budgets;
using PerfEval.Application.Scoring;

namespace PerfEval.UnitTests.Scoring;

/// <summary>What must hold for any department-year, not only the ones in the tables.</summary>
public class ScoringPropertyTests
{
    private static readonly Arbitrary<ScorecardInput> Scorecards =
        (from lines in Gen.ListOf(ScoringGenerators.Line, 8)
         from lineCount in Gen.Choose(0, 8)
         from indicators in Gen.ListOf(ScoringGenerators.Indicator(declared: false), 10)
         from indicatorCount in Gen.Choose(1, 10)
         from changed in Gen.Elements(false, true)
         select new ScorecardInput(lines.Take(lineCount).ToList(), indicators.Take(indicatorCount).ToList(), DeclaredFigures.None, changed))
        .ToArbitrary();

    private static Scorecard Score(ScorecardInput input) => ScorecardCalculator.Calculate(input, ScoringSchemeSettings.Default);

    [Fact]
    public void AScore_NeverExceedsItsWeight_NorFallsBelowZero() =>
        Prop.ForAll(Scorecards, input =>
        {
            var card = Score(input);
            var executionWeight = ScoringSchemeSettings.Default.ExecutionWeight;
            return card.Indicators.All(i => i.Score.Value is not { } s || (s >= 0 && s <= i.Weight!.Value && s <= i.CappedScore.Value))
                && card.Indicators.All(i => i.CappedScore.Value is not { } c || (c >= 0 && c <= i.Weight!.Value))
                && (card.ExecutionScore.Value is not { } e || (e >= 0 && e <= executionWeight));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Completion_IsNeverNegative() =>
        Prop.ForAll(Scorecards, input =>
            Score(input).Indicators.All(i => i.Completion.Value is not { } c || c >= 0))
        .QuickCheckThrowOnFailure();

    [Fact]
    public void TheComposite_NeverExceedsTheWeightsTotal() =>
        Prop.ForAll(Scorecards, input =>
        {
            var card = Score(input);
            return card.CompositeScore.Value is not { } composite
                || (card.WeightTotal.Value is { } total && composite >= 0 && composite <= total && card.Grade is not null);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void TheComposite_IsTheSumOfTheRoundedComponents() =>
        Prop.ForAll(Scorecards, input =>
        {
            var card = Score(input);
            return card.CompositeScore.Value is not { } composite
                || composite == card.ExecutionScore.Value + card.Indicators.Sum(i => i.Score.Value!.Value);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Rounding_IsIdempotent()
    {
        var cases =
            from mantissa in Gen.Choose(int.MinValue, int.MaxValue)
            from high in Gen.Choose(0, 1000)
            from scale in Gen.Choose(0, 20)
            from decimals in Gen.Choose(0, 10)
            from mode in Gen.Elements(Enum.GetValues<MidpointRounding>())
            select (Value: new decimal(mantissa, high, 0, false, (byte)scale) * Math.Sign(mantissa | 1), Rounding: new Rounding(decimals, mode));

        Prop.ForAll(cases.ToArbitrary(), c => c.Rounding.Round(c.Rounding.Round(c.Value)) == c.Rounding.Round(c.Value))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Explaining_ChangesNoNumber() =>
        Prop.ForAll(Scorecards, input =>
        {
            var plain = Score(input);
            var explained = ScorecardCalculator.Calculate(input, ScoringSchemeSettings.Default, explain: true);
            return plain.CompositeScore.Value == explained.CompositeScore.Value
                && plain.ExecutionScore.Value == explained.ExecutionScore.Value
                && plain.Indicators.Select(i => (i.Completion.Value, i.Score.Value))
                    .SequenceEqual(explained.Indicators.Select(i => (i.Completion.Value, i.Score.Value)))
                && plain.Findings.Select(f => f.Code).SequenceEqual(explained.Findings.Select(f => f.Code));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Quotient_EqualsRoundingTheFullPrecisionDecimalQuotient()
    {
        // The exact integer path must agree with decimal division then rounding, in every mode.
        var cases =
            from n in Gen.Choose(-2_000_000_000, 2_000_000_000)
            from nScale in Gen.Choose(0, 4)
            from d in Gen.Choose(-2_000_000_000, 2_000_000_000).Where(d => d != 0)
            from dScale in Gen.Choose(0, 4)
            from f in Gen.Elements(1m, 100m, 10m, 20m, 9.5m, 12.25m, 0.3m)
            from decimals in Gen.Choose(0, 4)
            from mode in Gen.Elements(Enum.GetValues<MidpointRounding>())
            select (N: new decimal(n) / Pow10(nScale), D: new decimal(d) / Pow10(dScale), F: f, Rounding: new Rounding(decimals, mode));

        Prop.ForAll(cases.ToArbitrary(), c =>
            c.Rounding.Quotient(c.N, c.D, c.F) == decimal.Round(c.N * c.F / c.D, c.Rounding.Decimals, c.Rounding.Mode))
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("1.005", "1", "1", "1.01")]          // an exact midpoint: away from zero
    [InlineData("-1.005", "1", "1", "-1.01")]
    [InlineData("2", "3", "100", "66.67")]
    [InlineData("79228162514264337593543950335", "3", "1", "26409387504754779197847983445")]  // too big for integers: decimal path
    public void Quotient_HandlesMidpointsSignsAndHugeNumbers(string n, string d, string f, string expected)
    {
        var rounding = Rounding.For(ScoringSchemeSettings.Default);
        static decimal P(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(P(expected), rounding.Quotient(P(n), P(d), P(f)));
    }

    [Fact]
    public void BudgetSums_InCentsOrInDecimal_Agree()
    {
        // A line with a third decimal forces the decimal path; scaling every amount by 1000 keeps the
        // rates but moves the sums onto the cents path.
        var fine = Inputs.Scorecard(lines: [Inputs.Line(1000.005m, 0m, 999.999m), Inputs.Line(2000m, 10m, 2010.001m, ExpenditureClass.Personnel)]);
        var whole = Inputs.Scorecard(lines: [Inputs.Line(1_000_005m, 0m, 999_999m), Inputs.Line(2_000_000m, 10_000m, 2_010_001m, ExpenditureClass.Personnel)]);

        var a = Score(fine);
        var b = Score(whole);

        Assert.Equal(3010.005m, a.Budget.Overall.Adjusted.Value);
        Assert.Equal(a.Budget.Overall.ExecutionRate.Value, b.Budget.Overall.ExecutionRate.Value);
        Assert.Equal(a.Budget.Personnel.AdjustmentRate.Value, b.Budget.Personnel.AdjustmentRate.Value);
        Assert.Equal(a.Codes(), b.Codes());
        Assert.Equal(["budget line #2"], a.Findings.Select(f => f.Subject));
    }

    private static decimal Pow10(int e) => e switch { 0 => 1m, 1 => 10m, 2 => 100m, 3 => 1000m, _ => 10000m };
}
