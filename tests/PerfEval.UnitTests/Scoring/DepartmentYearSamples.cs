using PerfEval.Application.Budgets;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;

namespace PerfEval.UnitTests.Scoring;

/// <summary>
/// Department-years for comparing bulk scoring with the full scorecard: mostly report-like, with the
/// edge cases mixed in (targets at or below 0, reverse and `=` indicators, qualitative tiers in and
/// out of their bands, missing and negative weights and values, midpoints at .005, deductions,
/// declarations at 0–3 decimals and capped at 100, amounts with a third decimal, more than 64 lines).
/// Seeded: the same seed gives the same department-years. Reports print their own figures as the
/// scheme computes them.
/// </summary>
internal sealed class DepartmentYearSamples(int seed, ScoringSchemeSettings? scheme = null)
{
    private readonly ScoringSchemeSettings _scheme = scheme ?? ScoringSchemeSettings.Default;

    private readonly Random _random = new(seed);

    /// <summary>Whether the department-year being made takes edge cases (a third of them) or is a complete report.</summary>
    private bool _edgy;

    public ScorecardInput[] Generate(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];

    public ScorecardInput Next()
    {
        _edgy = _random.Next(3) == 0;
        var lines = Lines();
        var indicators = Enumerable.Range(1, _random.Next(_edgy ? 0 : 1, 13)).Select(Indicator).ToList();
        var draft = new ScorecardInput(lines, indicators, DeclaredFigures.None, DataChangedAfterClose: _edgy && _random.Next(3) == 0);
        return _random.Next(4) switch
        {
            0 => draft,
            1 => draft with { Declared = AnyDeclared() },
            _ => Printed(draft),
        };
    }

    private List<BudgetLineInput> Lines()
    {
        var count = !_edgy ? _random.Next(1, 11) : _random.Next(6) switch { 0 => 0, 1 => _random.Next(60, 70), _ => _random.Next(1, 11) };
        var lines = new List<BudgetLineInput>(count);
        for (var i = 0; i < count; i++)
        {
            var initial = Amount();
            var adjustments = _random.Next(3) == 0 ? Pick(0m, -0.05m, 0.05m, decimal.Round(initial / 4, 2), -decimal.Round(initial / 5, 2)) : 0m;
            var executed = _random.Next(4) switch
            {
                0 => initial + adjustments,
                1 when _edgy => Amount(),
                _ => decimal.Round((initial + adjustments) * _random.Next(_edgy ? 0 : 8_000, _edgy ? 12_001 : 10_001) / 10_000m, 2),
            };
            lines.Add(new BudgetLineInput(
                (ExpenditureClass)_random.Next(3), (FundingSource)_random.Next(3), initial, adjustments, executed,
                _random.Next(4) == 0 ? null : 100 + i));
        }
        return lines;
    }

    private decimal Amount() => _random.Next(25) switch
    {
        0 => 0m,
        1 => Pick(0.01m, 1000.005m, 123.456m),  // a third decimal: sums keep their own scale
        2 => Pick(1_000_000m, 5_000m, 20_000_000.5m),
        _ => _random.Next(2) == 0 ? _random.Next(1_000, 50_000_000) : _random.NextInt64(100_000, 5_000_000_000) / 100m,
    };

    private IndicatorInput Indicator(int sequence)
    {
        var qualitative = _random.Next(5) == 0;
        var weight = !_edgy ? Pick(8m, 9m, 10m, 15m, 20m, 30m) : _random.Next(4) switch
        {
            0 => (decimal?)null,
            1 => Pick(-5m, 0m, 10.005m, 12.5m, 7.50m),
            _ => Pick(8m, 9m, 10m, 15m, 20m, 30m),
        };
        if (qualitative)
        {
            var score = !_edgy ? weight * Pick(1m, 0.9m, 0.8m, 0.75m, 0.6m, 0.5m)
                : _random.Next(4) == 0 ? null : Pick(10m, 8m, 7.99m, 6m, 5.99m, 0m, 11m, -1m, 9.5m, 4.8m, 8.004m);
            var tier = _edgy ? (_random.Next(3) == 0 ? (QualitativeTier?)null : (QualitativeTier)_random.Next(3))
                : score is { } sc && weight is { } w && w > 0 ? (sc >= 0.8m * w ? QualitativeTier.Achieved : sc >= 0.6m * w ? QualitativeTier.PartiallyAchieved : QualitativeTier.NotAchieved)
                : QualitativeTier.Achieved;
            return new IndicatorInput(sequence, "定性指标" + sequence, IndicatorKind.Qualitative, null, null, weight, null, null,
                tier, score, Deduction(), Reason(), Reason(),
                Maybe(Pick(100m, 80m, 95.5m, 0m)), Maybe(Pick(10m, 8m, 9.5m)), 1000 + sequence);
        }
        var op = _edgy && _random.Next(4) == 0 ? (ComparisonOperator?)null : (ComparisonOperator)_random.Next(3);
        (decimal? Target, decimal? Final) values = _random.Next(_edgy ? 6 : 3) switch
        {
            0 => (_random.Next(1, 500) * Pick(1m, 0.01m, 100m), null),
            1 => (Pick(200m, 1000m, 3m), Pick(200.01m, 100.5m, 2.985m, 1000.05m)),           // completions and scores at .005
            2 => (Pick(5m, 35000m, 7m), Pick(5.01m, 36142m, 0m, 8.4m, 10.5m, 7m, 5m)),        // the seeds' shapes, 120% and 150%
            3 => (Pick(0m, -3m, -0.5m), Pick(0m, 2m, -3m, -4m, 1m)),                          // targets at or below 0
            4 => (null, Pick(1m, 2m)),
            _ => (_random.Next(1, 500) * Pick(1m, 0.01m, 100m), null),
        };
        var (target, final) = values;
        final ??= _edgy && _random.Next(4) == 0 ? null : decimal.Round(target!.Value * _random.Next(800, 1_600) / 1_000m, _random.Next(0, 4));
        var midYear = _random.Next(3) == 0 ? (decimal?)null : final is { } f ? decimal.Round(f * _random.Next(30, _edgy ? 130 : 100) / 100m, 2) : 1m;
        return new IndicatorInput(sequence, "指标" + sequence, IndicatorKind.Quantitative, op, target, weight, midYear, final, null, null,
            Deduction(), Reason(), Reason(), Maybe(Pick(100m, 100.0m, 103.26m, 103.3m, 103m, 98.039m, 0m, 125m, 150.00m, 100.01m)),
            Maybe(Pick(10m, 9m, 9.0m, 8.5m, 0m, 20m, 1.01m)), _random.Next(5) == 0 ? null : 1000 + sequence);
    }

    private decimal? Deduction() => _random.Next(_edgy ? 4 : 20) == 0 ? Pick(1m, 0m, -2m, 30m, 2.345m, 0.005m) : null;

    private string? Reason() => _random.Next(_edgy ? 3 : 12) switch { 0 => null, 1 => " ", _ => "偏差原因" };

    private DeclaredFigures AnyDeclared() => new(
        Maybe(Amount()), Maybe(Amount()), Maybe(Amount()), Maybe(Amount()), Maybe(Amount()), Maybe(Amount()), Maybe(Amount()),
        Maybe(Amount()), Maybe(Amount()), Maybe(Amount()),
        Maybe(Pick(0m, 100m, 62.70m, 62.7m, 63m, 12.345m)), Maybe(Pick(94.82m, 100m, 98.04m, 98.039m, 95m)),
        Maybe(Pick(9.48m, 10m, 9.5m, 9.8m, 0m)), Maybe(Pick(99.48m, 85m, 99.8m, 100m, 0m)),
        _random.Next(2) == 0 ? null : (Grade)_random.Next(4));

    /// <summary>What the report would print of its own figures (to the display decimals or fewer, completion often capped at 100), mostly right.</summary>
    private ScorecardInput Printed(ScorecardInput draft)
    {
        var card = ScorecardCalculator.Calculate(draft, _scheme);
        var b = card.Budget;
        decimal? Print(decimal? value) => _random.Next(8) == 0 ? null
            : value is { } v ? decimal.Round(v, _random.Next(0, (_edgy ? 3 : _scheme.DisplayDecimals) + 1), _scheme.RoundingMode) : null;
        decimal? Amount(decimal? value) => _edgy ? Print(value) : value;
        var indicators = _edgy ? draft.Indicators : [.. draft.Indicators.Select((indicator, i) => indicator with
        {
            DeclaredCompletion = card.Indicators[i].Completion.Value is > 100m && _random.Next(3) == 0 ? 100m : Print(card.Indicators[i].Completion.Value),
            DeclaredScore = Print(card.Indicators[i].CappedScore.Value),
        })];
        return draft with { Indicators = indicators, Declared = new DeclaredFigures(
            b.Overall.Initial.Value, b.Overall.Adjustments.Value, Amount(b.Overall.Adjusted.Value), b.Overall.Executed.Value,
            Amount(b.Overall.Executed.Value), b.Basic.Executed.Value, b.Project.Executed.Value,
            b.Superior.Initial.Value, Amount(b.OwnLevel.Initial.Value), b.Other.Initial.Value,
            Print(b.Overall.AdjustmentRate.Value), Print(b.Overall.ExecutionRate.Value), Print(card.ExecutionScore.Value),
            Print(card.CompositeScore.Value), _random.Next(10) == 0 ? Grade.Excellent : card.Grade) };
    }

    private decimal? Maybe(decimal value) => _random.Next(3) == 0 ? null : value;

    private decimal Pick(params decimal[] values) => values[_random.Next(values.Length)];
}
