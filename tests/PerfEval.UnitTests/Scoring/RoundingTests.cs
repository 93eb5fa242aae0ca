using System.Globalization;
using PerfEval.Application.Scoring;
using static PerfEval.Application.Indicators.ComparisonOperator;

namespace PerfEval.UnitTests.Scoring;

public class RoundingTests
{
    private static readonly Rounding Default = Rounding.For(ScoringSchemeSettings.Default);

    [Theory]
    [InlineData("2.345", "2.35")]
    [InlineData("2.335", "2.34")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("2.3449999", "2.34")]
    [InlineData("100.005", "100.01")]
    [InlineData("9.8", "9.80")]
    public void Round_IsHalfAwayFromZeroToTwoDecimals(string value, string rounded) =>
        Assert.Equal(Parse(rounded), Default.Round(Parse(value)));

    [Fact]
    public void Round_KeepsTheSchemesMode()
    {
        var bankers = new Rounding(2, MidpointRounding.ToEven);

        Assert.Equal(2.34m, bankers.Round(2.345m));
    }

    [Fact]
    public void Calculate_CompletionAtAMidpoint_RoundsAwayFromZero()
    {
        // 200.01 / 200 × 100 = 100.005 exactly
        var (indicator, _) = Inputs.One(Inputs.Quantitative(AtLeast, 200m, 200.01m));

        Assert.Equal(100.01m, indicator.Completion.Value);
    }

    [Fact]
    public void Calculate_ScoreAtAMidpoint_RoundsAwayFromZero()
    {
        // 10 × 100.5 / 1000 = 1.005 exactly
        var (indicator, _) = Inputs.One(Inputs.Quantitative(AtLeast, 1000m, 100.5m, weight: 10m));

        Assert.Equal(10.05m, indicator.Completion.Value);
        Assert.Equal(1.01m, indicator.Score.Value);
    }

    [Fact]
    public void Calculate_ExecutionRateAndScoreAtMidpoints_RoundAwayFromZero()
    {
        // 98,005 / 100,000 = 98.005% → 98.01; 10 × 0.98005 = 9.8005 → 9.80
        // 98,050 / 100,000 = 98.05%; 10 × 0.9805 = 9.805 → 9.81
        var rate = Inputs.Calculate(Inputs.Scorecard(lines: [Inputs.Line(100_000m, 0m, 98_005m)]));
        var score = Inputs.Calculate(Inputs.Scorecard(lines: [Inputs.Line(100_000m, 0m, 98_050m)]));

        Assert.Equal(98.01m, rate.Budget.Overall.ExecutionRate.Value);
        Assert.Equal(9.80m, rate.ExecutionScore.Value);
        Assert.Equal(9.81m, score.ExecutionScore.Value);
    }

    [Fact]
    public void Calculate_ExecutionScore_UsesTheFullPrecisionRateNotTheShownOne()
    {
        // 948,451 / 1,000,000 = 94.8451% (shown 94.85); 10 × 0.948451 = 9.48451 → 9.48.
        // Scoring the shown rate would give 9.485 → 9.49.
        var card = Inputs.Calculate(Inputs.Scorecard(lines: [Inputs.Line(1_000_000m, 0m, 948_451m)]));

        Assert.Equal(94.85m, card.Budget.Overall.ExecutionRate.Value);
        Assert.Equal(9.48m, card.ExecutionScore.Value);
    }

    [Theory]
    [InlineData("80", "100", "100", "80.00")]
    [InlineData("1", "3", "100", "33.33")]
    [InlineData("2", "3", "100", "66.67")]
    [InlineData("36142", "35000", "100", "103.26")]
    public void Quotient_IsRoundedToTheDisplayDecimalsAndWrittenWithThem(string numerator, string denominator, string factor, string expected) =>
        Assert.Equal(expected, new Rounding(2, MidpointRounding.AwayFromZero)
            .Quotient(decimal.Parse(numerator, CultureInfo.InvariantCulture), decimal.Parse(denominator, CultureInfo.InvariantCulture), decimal.Parse(factor, CultureInfo.InvariantCulture))
            .ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void Format_ShowsTheDisplayDecimals() =>
        Assert.Equal("0.00", Default.Format(0m));

    private static decimal Parse(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
