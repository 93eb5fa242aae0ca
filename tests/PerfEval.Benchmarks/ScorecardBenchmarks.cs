using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Scoring;

namespace PerfEval.Benchmarks;

/// <summary>
/// The CPU side of keeping the read model: 10,000 department-years (10 indicators, ~8 budget lines
/// each) scored by the rules in decimal, and then also shaped and serialized as the card the
/// <c>scorecards</c> table keeps, as a rebuild or a push spread over every department does. The
/// inputs are built once; every invocation scores every department-year on one core.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ServiceGcConfig))]
public class ScorecardBenchmarks
{
    private const int DepartmentYearCount = 10_000;
    private ScorecardInput[] _inputs = [];

    [GlobalSetup]
    public void Setup() => _inputs = DepartmentYears.Generate(DepartmentYearCount, seed: 2024);

    [Benchmark(Baseline = true)]
    public decimal Score()
    {
        var scheme = ScoringSchemeSettings.Default;
        var total = 0m;
        foreach (var input in _inputs)
        {
            total += ScorecardCalculator.Calculate(input, scheme).CompositeScore.Value ?? 0m;
        }
        return total;
    }

    [Benchmark]
    public long ScoreAndSerializeCards()
    {
        var scheme = ScoringSchemeSettings.Default;
        var bytes = 0L;
        foreach (var input in _inputs)
        {
            bytes += JsonSerializer.Serialize(ScorecardCalculator.Calculate(input, scheme).ToStored(scheme), JsonText.Options).Length;
        }
        return bytes;
    }
}
