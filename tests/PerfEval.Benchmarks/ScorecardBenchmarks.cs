using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using PerfEval.Application.Scoring;

namespace PerfEval.Benchmarks;

/// <summary>
/// Scores 10,000 department-years (10 indicators, ~8 budget lines each) without explanations, two
/// ways: compact (<see cref="ScoringBatch"/>: scaled 64-bit integers in struct arrays, results as
/// struct rows), which is what a year's ranking, summary and exports use; and full
/// (<see cref="ScorecardCalculator"/>: one Scorecard object per department-year, as a single
/// scorecard response needs). The inputs (and the compact layout of them) are built once; every
/// invocation recomputes every department-year. Each result is returned or read so none can be
/// skipped; one variant also keeps all 10,000 full results alive, as a batch recompute would.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ServiceGcConfig))]
public class ScorecardBenchmarks
{
    private const int DepartmentYearCount = 10_000;
    private ScorecardInput[] _inputs = [];
    private ScoringBatch _batch = null!;
    private Scorecard[] _results = [];

    [GlobalSetup]
    public void Setup()
    {
        _inputs = DepartmentYears.Generate(DepartmentYearCount, seed: 2024);
        _batch = ScoringBatch.Create(_inputs, ScoringSchemeSettings.Default);
        _results = new Scorecard[DepartmentYearCount];
    }

    /// <summary>The computation the 5 ms target is about: every department-year, on every core.</summary>
    [Benchmark]
    public BatchScores Compact() => _batch.Score();

    /// <summary>The same on one core.</summary>
    [Benchmark]
    public BatchScores CompactSequential() => _batch.Score(parallel: false);

    /// <summary>Laying the inputs out as scaled integers (reading a year does this once; not part of the target).</summary>
    [Benchmark]
    public ScoringBatch CompactLayOut() => ScoringBatch.Create(_inputs, ScoringSchemeSettings.Default);

    [Benchmark(Baseline = true)]
    public decimal FullSequential()
    {
        var scheme = ScoringSchemeSettings.Default;
        var total = 0m;
        foreach (var input in _inputs)
        {
            total += ScorecardCalculator.Calculate(input, scheme).CompositeScore.Value ?? 0m;
        }
        return total;
    }

    /// <summary>Department-years are independent: score them in ranges, one range per task.</summary>
    [Benchmark]
    public decimal FullParallel()
    {
        var scheme = ScoringSchemeSettings.Default;
        var total = 0m;
        var gate = new object();
        Parallel.ForEach(Ranges(), range =>
        {
            var subtotal = 0m;
            for (var i = range.Item1; i < range.Item2; i++)
            {
                subtotal += ScorecardCalculator.Calculate(_inputs[i], scheme).CompositeScore.Value ?? 0m;
            }
            lock (gate)
            {
                total += subtotal;
            }
        });
        return total;
    }

    [Benchmark]
    public Scorecard[] FullParallelKeepingResults()
    {
        var scheme = ScoringSchemeSettings.Default;
        Parallel.ForEach(Ranges(), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                _results[i] = ScorecardCalculator.Calculate(_inputs[i], scheme);
            }
        });
        return _results;
    }

    private OrderablePartitioner<Tuple<int, int>> Ranges() =>
        Partitioner.Create(0, _inputs.Length, rangeSize: 250);
}
