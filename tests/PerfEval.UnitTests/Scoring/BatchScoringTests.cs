using FsCheck;
using FsCheck.Fluent;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;

namespace PerfEval.UnitTests.Scoring;

/// <summary>
/// Bulk scoring (scaled 64-bit integers, compact rows) and the full scorecard (decimal) run the same
/// rules; these hold every figure of the two to the same value and the same scale, so they cannot drift.
/// </summary>
public class BatchScoringTests
{
    public static TheoryData<string, ScoringSchemeSettings> Schemes => new()
    {
        { "default", ScoringSchemeSettings.Default },
        { "bankers, 3 decimals", ScoringSchemeSettings.Default with { DisplayDecimals = 3, RoundingMode = MidpointRounding.ToEven } },
        { "whole numbers, truncated", ScoringSchemeSettings.Default with { DisplayDecimals = 0, RoundingMode = MidpointRounding.ToZero } },
        {
            "other bands and weights", ScoringSchemeSettings.Default with
            {
                ExecutionWeight = 20m, ExpectedWeightTotal = 100.00m, OverAchievementReasonThreshold = 110.5m, TargetTooLowThreshold = 200m,
                UnderAchievementReasonThreshold = 99.5m, QualitativeAchievedFrom = 0.85m, QualitativePartiallyAchievedFrom = 0.55m,
                ExcellentFrom = 85.5m, GoodFrom = 75m, FairFrom = 59.99m, RoundingMode = MidpointRounding.ToPositiveInfinity,
            }
        },
        { "rounding down, 1 decimal", ScoringSchemeSettings.Default with { DisplayDecimals = 1, RoundingMode = MidpointRounding.ToNegativeInfinity } },
    };

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Score_GivesTheFullScorecardsFigures(string scheme, ScoringSchemeSettings settings)
    {
        var inputs = new DepartmentYearSamples(seed: scheme.Length, settings).Generate(1_200);

        var scores = AssertSameAsFullScorecards(inputs, settings);

        // The samples reach every part of the rules, not only the missing-figure paths.
        var rows = Enumerable.Range(0, scores.Count).Select(i => scores[i]).ToList();
        Assert.True(rows.Count(r => r.CompositeScore is not null) > rows.Count / 5);
        Assert.True(rows.Count(r => !r.HasFinding(severity: FindingSeverity.Error)) > rows.Count / 20);
        Assert.Equal(FindingCodes.All.Count, rows.SelectMany(r => r.FindingCodesPresent()).Distinct().Count());
    }

    [Fact]
    public void Score_SeedReports_GiveTheWorkedExamples()
    {
        ScorecardInput[] seeds = [SeedReports.IndustrialParkOffice2024, SeedReports.CommerceBureau2024, SeedReports.StartupServiceCenter2024];

        var scores = AssertSameAsFullScorecards(seeds, ScoringSchemeSettings.Default);

        Assert.Equal([99.48m, 85.00m, 99.80m], Enumerable.Range(0, 3).Select(i => scores[i].CompositeScore!.Value));
        Assert.Equal(103.26m, scores[0].Indicator(1).Completion);
        Assert.Equal([FindingCodes.DeclaredAdjustmentRateMismatch, FindingCodes.FinalBelowMidYear], scores[1].FindingCodesPresent());
    }

    [Fact]
    public void Score_ManyChunksInParallel_KeepsEachDepartmentYearInItsPlace()
    {
        var inputs = new DepartmentYearSamples(seed: 7).Generate((BatchScores.ChunkSize * 3) + 17);

        AssertSameAsFullScorecards(inputs, ScoringSchemeSettings.Default);
    }

    [Fact]
    public void Score_OnEveryCore_ReturnsOnlyWhenEveryChunkIsScored()
    {
        var batch = ScoringBatch.Create(new DepartmentYearSamples(seed: 11).Generate(BatchScores.ChunkSize * 40), ScoringSchemeSettings.Default);
        var sequential = Figures(batch.Score(parallel: false));

        for (var run = 0; run < 20; run++)
        {
            // Read at once: a chunk another core is still scoring would show rows not yet written.
            Assert.Equal(sequential, Figures(batch.Score()));
        }

        static List<(decimal?, Grade?, FindingCounts)> Figures(BatchScores scores) =>
            [.. Enumerable.Range(0, scores.Count).Select(i => (scores[i].CompositeScore, scores[i].Grade, scores[i].FindingCounts))];
    }

    [Fact]
    public void Score_NumbersBeyond64Bits_AreScoredWithDecimalAndReadTheSame()
    {
        var fits = Inputs.Scorecard();
        // A value with 22 digits does not fit; a rate of 10^17 yuan over 0.01 fits as input but not as a result.
        var wideValue = Inputs.Scorecard([Inputs.Quantitative(ComparisonOperator.AtLeast, 10m, 99_999_999_999_999.99999999m)]);
        var wideRate = Inputs.Scorecard(lines: [Inputs.Line(0.01m, 0m, 999_999_999_999_999.99m)]);

        var scores = AssertSameAsFullScorecards([fits, wideValue, wideRate], ScoringSchemeSettings.Default);

        Assert.Equal([false, true, true], Enumerable.Range(0, 3).Select(i => scores[i].KeptWhole));
    }

    [Fact]
    public void Score_ValuesOfDifferentScales_GiveTheSameFiguresAtOneScaleOrTheirOwn()
    {
        ScorecardInput[] inputs =
        [
            // A target in whole units, values to 4 decimals: compared at 4 decimals.
            Inputs.Scorecard([Inputs.Quantitative(ComparisonOperator.AtLeast, 12m, 12.0001m, midYear: 12.00011m, declaredCompletion: 100.00m)]),
            Inputs.Scorecard([Inputs.Quantitative(ComparisonOperator.AtMost, 0.5m, 0.75000m, declaredCompletion: 50m, declaredScore: 45.0m)]),
            Inputs.Scorecard([Inputs.Quantitative(ComparisonOperator.Equal, 3.0m, 3m)]),
            // 10^13 at 6 decimals leaves 59 bits: each value keeps its own scale.
            Inputs.Scorecard([Inputs.Quantitative(ComparisonOperator.AtLeast, 10_000_000_000_000m, 5_000_000_000_000m, midYear: 0.000001m)]),
        ];

        var scores = AssertSameAsFullScorecards(inputs, ScoringSchemeSettings.Default);

        Assert.All(Enumerable.Range(0, inputs.Length), i => Assert.False(scores[i].KeptWhole));
        Assert.Equal(50.00m, scores[3].Indicator(0).Completion);
    }

    [Fact]
    public void Score_ASchemeBeyond64Bits_ScoresEverythingWithDecimal()
    {
        var scheme = ScoringSchemeSettings.Default with { QualitativeAchievedFrom = 0.8000000000000000000001m };
        var inputs = new DepartmentYearSamples(seed: 11, scheme).Generate(50);

        var scores = AssertSameAsFullScorecards(inputs, scheme);

        Assert.All(Enumerable.Range(0, scores.Count), i => Assert.True(scores[i].KeptWhole));
    }

    [Fact]
    public void Score_NoDepartmentYears_GivesNoRows() =>
        Assert.Equal(0, ScoringBatch.Create([], ScoringSchemeSettings.Default).Score().Count);

    [Fact]
    public void HasFinding_FiltersByCodeAndSeverity()
    {
        var scores = ScoringBatch.Create([SeedReports.CommerceBureau2024], ScoringSchemeSettings.Default).Score();

        Assert.True(scores[0].HasFinding());
        Assert.True(scores[0].HasFinding(FindingCodes.FinalBelowMidYear));
        Assert.True(scores[0].HasFinding(severity: FindingSeverity.Error));
        Assert.False(scores[0].HasFinding(FindingCodes.FinalBelowMidYear, FindingSeverity.Error));
        Assert.False(scores[0].HasFinding(FindingCodes.WeightMissing));
        Assert.False(scores[0].HasFinding("NO_SUCH_CODE"));
    }

    [Fact]
    public void Score_AnyDepartmentYear_GivesTheFullScorecardsFigures()
    {
        var years =
            from lines in Gen.ListOf(ScoringGenerators.Line, 8)
            from lineCount in Gen.Choose(0, 8)
            from indicators in Gen.ListOf(ScoringGenerators.Indicator(declared: true), 10)
            from indicatorCount in Gen.Choose(0, 10)
            from changed in Gen.Elements(false, true)
            select new ScorecardInput(lines.Take(lineCount).ToList(), indicators.Take(indicatorCount).ToList(), DeclaredFigures.None, changed);

        Prop.ForAll(Gen.ArrayOf(years, 20).ToArbitrary(), inputs =>
        {
            AssertSameAsFullScorecards(inputs, ScoringSchemeSettings.Default);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Scores the department-years both ways and compares every figure the compact rows keep.</summary>
    private static BatchScores AssertSameAsFullScorecards(IReadOnlyList<ScorecardInput> inputs, ScoringSchemeSettings scheme)
    {
        var scores = ScoringBatch.Create(inputs, scheme).Score();
        Assert.Equal(inputs.Count, scores.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            var full = ScorecardCalculator.Calculate(inputs[i], scheme);
            var compact = scores[i];
            var overall = full.Budget.Overall;
            var at = $"department-year {i}";
            Same(overall.Initial.Value, compact.InitialBudget, at + " initial budget");
            Same(overall.Adjustments.Value, compact.Adjustments, at + " adjustments");
            Same(overall.Adjusted.Value, compact.AdjustedBudget, at + " adjusted budget");
            Same(overall.Executed.Value, compact.Executed, at + " executed");
            Same(overall.AdjustmentRate.Value, compact.AdjustmentRate, at + " adjustment rate");
            Same(overall.ExecutionRate.Value, compact.ExecutionRate, at + " execution rate");
            Same(full.ExecutionScore.Value, compact.ExecutionScore, at + " execution score");
            Same(full.WeightTotal.Value, compact.WeightTotal, at + " weight total");
            Same(full.CompositeScore.Value, compact.CompositeScore, at + " composite");
            Assert.True(full.Grade == compact.Grade, $"{at} grade: {full.Grade} against {compact.Grade}");
            Assert.Equal(
                new FindingCounts(
                    full.Findings.Count(f => f.Severity == FindingSeverity.Error),
                    full.Findings.Count(f => f.Severity == FindingSeverity.Warning),
                    full.Findings.Count(f => f.Severity == FindingSeverity.Info)),
                compact.FindingCounts);
            Assert.Equal(
                FindingCodes.All.Select(c => c.Code).Where(code => full.Findings.Any(f => f.Code == code)),
                compact.FindingCodesPresent());
            Assert.Equal(full.Indicators.Count, compact.IndicatorCount);
            for (var n = 0; n < full.Indicators.Count; n++)
            {
                var expected = full.Indicators[n];
                var actual = compact.Indicator(n);
                Same(expected.Completion.Value, actual.Completion, $"{at} indicator {n} completion");
                Same(expected.Score.Value, actual.Score, $"{at} indicator {n} score");
                Assert.True(expected.Flags == actual.Flags, $"{at} indicator {n} flags: {expected.Flags} against {actual.Flags}");
            }
        }
        return scores;
    }

    /// <summary>Equal values with equal scales (100.00 is not 100: the scale is what a response shows).</summary>
    private static void Same(decimal? expected, decimal? actual, string what) =>
        Assert.True(expected == actual && expected?.Scale == actual?.Scale, $"{what}: {expected} against {actual}");
}
