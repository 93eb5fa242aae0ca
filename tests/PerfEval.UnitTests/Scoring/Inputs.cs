using PerfEval.Application.Budgets;
using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;

namespace PerfEval.UnitTests.Scoring;

/// <summary>Small builders so each test states only what it is about.</summary>
internal static class Inputs
{
    public static IndicatorInput Quantitative(
        ComparisonOperator? op,
        decimal? target,
        decimal? final,
        decimal? weight = 90m,
        int sequence = 1,
        decimal? midYear = null,
        string? deviationReason = "偏差原因",
        decimal? deduction = null,
        string? deductionReason = null,
        decimal? declaredCompletion = null,
        decimal? declaredScore = null,
        string name = "指标") =>
        new(sequence, name, IndicatorKind.Quantitative, op, target, weight, midYear, final, null, null,
            deduction, deductionReason, deviationReason, declaredCompletion, declaredScore, null);

    public static IndicatorInput Qualitative(
        QualitativeTier? tier,
        decimal? score,
        decimal? weight = 90m,
        int sequence = 1,
        string? deviationReason = "偏差原因") =>
        new(sequence, "定性指标", IndicatorKind.Qualitative, null, null, weight, null, null, tier, score,
            null, null, deviationReason, null, null, null);

    public static BudgetLineInput Line(
        decimal initial, decimal adjustments, decimal executed,
        ExpenditureClass @class = ExpenditureClass.Project, FundingSource source = FundingSource.OwnLevel, long? id = null) =>
        new(@class, source, initial, adjustments, executed, id);

    /// <summary>A fully executed budget (execution score 10) unless lines are given.</summary>
    public static ScorecardInput Scorecard(
        IEnumerable<IndicatorInput>? indicators = null,
        IEnumerable<BudgetLineInput>? lines = null,
        DeclaredFigures? declared = null,
        bool dataChangedAfterClose = false) =>
        new(
            (lines ?? [Line(1_000_000m, 0m, 1_000_000m)]).ToList(),
            (indicators ?? [Quantitative(ComparisonOperator.AtLeast, 10m, 10m)]).ToList(),
            declared ?? DeclaredFigures.None,
            dataChangedAfterClose);

    public static Scorecard Calculate(ScorecardInput input, bool explain = false) =>
        ScorecardCalculator.Calculate(input, ScoringSchemeSettings.Default, explain);

    /// <summary>
    /// Scores one indicator in an otherwise clean department-year: a fully met filler indicator
    /// brings the weights to 100 when the indicator's weight is below 90.
    /// </summary>
    public static (IndicatorScore Score, Scorecard Card) One(IndicatorInput indicator)
    {
        IndicatorInput[] indicators = indicator.Weight is { } w && w is > 0 and < 90
            ? [indicator, Quantitative(ComparisonOperator.AtLeast, 1m, 1m, weight: 90m - w, sequence: 99)]
            : [indicator];
        var card = Calculate(Scorecard(indicators));
        return (card.Indicators[0], card);
    }

    public static string[] Codes(this Scorecard card) => card.Findings.Select(f => f.Code).ToArray();

    public static Finding Single(this Scorecard card, string code) => card.Findings.Single(f => f.Code == code);

    public static DeclaredFigures Declared(
        decimal? adjustmentRate = null,
        decimal? executionRate = null,
        decimal? executionScore = null,
        decimal? compositeScore = null,
        PerfEval.Application.Evaluations.Grade? grade = null) =>
        DeclaredFigures.None with
        {
            AdjustmentRate = adjustmentRate,
            ExecutionRate = executionRate,
            ExecutionScore = executionScore,
            CompositeScore = compositeScore,
            Grade = grade,
        };
}
