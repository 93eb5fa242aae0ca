using PerfEval.Application.Budgets;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;

namespace PerfEval.Benchmarks;

/// <summary>
/// Realistic department-years: ~8 budget lines in whole yuan or cents, 10 indicators (mostly ≥, some
/// ≤ and =, one qualitative), weights totalling 100 with the execution weight, declared figures as a report would print them
/// (rates and scores to 2 decimals or fewer, completion often capped at 100) with a few wrong.
/// </summary>
internal static class DepartmentYears
{
    public static ScorecardInput[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        var inputs = new ScorecardInput[count];
        for (var i = 0; i < count; i++)
        {
            var draft = new ScorecardInput(Lines(random), Indicators(random), DeclaredFigures.None, DataChangedAfterClose: false);
            inputs[i] = WithDeclaredFigures(draft, random);
        }
        // Rows read from a database arrive one department-year after another; compact away the
        // drafts so the inputs lie in memory as they would after loading, not interleaved with garbage.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return inputs;
    }

    private static List<BudgetLineInput> Lines(Random random)
    {
        var lines = new List<BudgetLineInput>(8);
        var count = random.Next(6, 11);
        for (var i = 0; i < count; i++)
        {
            var @class = i switch { 0 => ExpenditureClass.Personnel, 1 => ExpenditureClass.Operating, _ => ExpenditureClass.Project };
            var source = random.Next(10) switch { < 2 => FundingSource.Superior, < 9 => FundingSource.OwnLevel, _ => FundingSource.Other };
            var initial = Money(random, 10_000m, 20_000_000m);
            var adjustments = random.Next(3) == 0 ? Money(random, -initial / 4, initial) : 0m;
            var adjusted = initial + adjustments;
            var executed = random.Next(4) == 0 ? adjusted : decimal.Round(adjusted * random.Next(8_000, 10_001) / 10_000m, 2);
            lines.Add(new BudgetLineInput(@class, source, initial, adjustments, executed, i + 1));
        }
        return lines;
    }

    private static List<IndicatorInput> Indicators(Random random)
    {
        var indicators = new List<IndicatorInput>(10);
        for (var i = 1; i <= 10; i++)
        {
            if (i == 10)
            {
                var score = random.Next(6, 11);
                var tier = score >= 8 ? QualitativeTier.Achieved : QualitativeTier.PartiallyAchieved;
                indicators.Add(new IndicatorInput(i, "服务对象满意度", IndicatorKind.Qualitative, null, null, 10m, null, null, tier, score,
                    null, null, score < 10 ? "部分服务对象反映办理时限偏长" : null, null, null, i));
                continue;
            }
            var op = i switch { 7 => ComparisonOperator.AtMost, 8 => ComparisonOperator.Equal, _ => ComparisonOperator.AtLeast };
            var target = random.Next(3) switch
            {
                0 => random.Next(1, 30),                                   // counts: 项, 家, 场次
                1 => random.Next(60, 101),                                 // rates in %
                _ => Money(random, 100m, 100_000m),                        // amounts in 万元
            };
            var achievement = random.Next(40) switch { 0 => 0.6m, 1 => 1.5m, < 10 => 1.2m, _ => 1.0m } + random.Next(0, 500) / 10_000m;
            var final = op == ComparisonOperator.Equal ? target : decimal.Round(target * (op == ComparisonOperator.AtMost ? 2m - achievement : achievement), 2);
            var midYear = decimal.Round(final * random.Next(30, 90) / 100m, 2);
            var reason = achievement is >= 1.2m or < 1m ? "年中项目加速落地，完成值高于预期" : null;
            indicators.Add(new IndicatorInput(i, "指标" + i, IndicatorKind.Quantitative, op, target, i == 9 ? 8m : 9m, midYear, final,
                null, null, null, null, reason, null, null, i));
        }
        return indicators;
    }

    /// <summary>Declares what a careful report would print, then spoils a few figures as real reports do.</summary>
    private static ScorecardInput WithDeclaredFigures(ScorecardInput draft, Random random)
    {
        var card = ScorecardCalculator.Calculate(draft, ScoringSchemeSettings.Default);
        var b = card.Budget;
        var indicators = draft.Indicators
            .Select((indicator, i) => indicator with
            {
                DeclaredCompletion = Printed(card.Indicators[i].Completion.Value, random) is { } c && c > 100 && random.Next(3) == 0 ? 100m : Printed(card.Indicators[i].Completion.Value, random),
                DeclaredScore = Printed(card.Indicators[i].Score.Value, random),
            })
            .ToList();
        var declared = new DeclaredFigures(
            b.Overall.Initial.Value, b.Overall.Adjustments.Value, b.Overall.Adjusted.Value, b.Overall.Executed.Value,
            b.Overall.Executed.Value, b.Basic.Executed.Value, b.Project.Executed.Value,
            b.Superior.Initial.Value, b.OwnLevel.Initial.Value, b.Other.Initial.Value,
            random.Next(20) == 0 ? 100m : Printed(b.Overall.AdjustmentRate.Value, random),
            Printed(b.Overall.ExecutionRate.Value, random),
            Printed(card.ExecutionScore.Value, random),
            Printed(card.CompositeScore.Value, random),
            random.Next(50) == 0 ? Grade.Excellent : card.Grade);
        return draft with { Indicators = indicators, Declared = declared };
    }

    /// <summary>To 2, 1 or 0 decimals, as reports print.</summary>
    private static decimal? Printed(decimal? value, Random random) =>
        value is { } v ? decimal.Round(v, random.Next(3) switch { 0 => 0, 1 => 1, _ => 2 }, MidpointRounding.AwayFromZero) : null;

    private static decimal Money(Random random, decimal from, decimal to) =>
        decimal.Round(from + ((to - from) * random.Next(0, 1_000_001) / 1_000_000m), random.Next(2) == 0 ? 0 : 2);
}
