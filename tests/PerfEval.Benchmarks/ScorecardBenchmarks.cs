using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using PerfEval.Application.Scoring;

namespace PerfEval.Benchmarks;

/// <summary>
/// Scores 10,000 department-years (10 indicators, ~8 budget lines each) without explanations. The
/// inputs are built once; every invocation recomputes every scorecard in full. Each result is read
/// (its composite summed) so none can be skipped; one variant also keeps all 10,000 results alive,
/// as a batch recompute that returns them would.
/// </summary>
[MemoryDiagnoser]
public class ScorecardBenchmarks
{
    private const int DepartmentYearCount = 10_000;
    private ScorecardInput[] _inputs = [];
    private Scorecard[] _results = [];

    [GlobalSetup]
    public void Setup()
    {
        _inputs = DepartmentYears.Generate(DepartmentYearCount, seed: 2024);
        _results = new Scorecard[DepartmentYearCount];
    }

    [Benchmark(Baseline = true)]
    public decimal Sequential()
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
    public decimal Parallel()
    {
        var scheme = ScoringSchemeSettings.Default;
        var total = 0m;
        var gate = new object();
        System.Threading.Tasks.Parallel.ForEach(Ranges(), range =>
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
    public Scorecard[] ParallelKeepingResults()
    {
        var scheme = ScoringSchemeSettings.Default;
        System.Threading.Tasks.Parallel.ForEach(Ranges(), range =>
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
