using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PerfEval.Benchmarks;

/// <summary>
/// One cold-start-free measurement per iteration: a warm-up, then <c>iterations</c> single invocations
/// (each pushes new items, so nothing can be repeated within an iteration), in this process (the
/// service is hosted in it).
/// </summary>
public class AdjustmentBenchmarkConfig : ManualConfig
{
    public AdjustmentBenchmarkConfig()
        : this(iterations: 10)
    {
    }

    protected AdjustmentBenchmarkConfig(int iterations)
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId($"InProcess-{iterations}x"));
    }
}

public sealed class AdjustmentPhaseBenchmarkConfig() : AdjustmentBenchmarkConfig(iterations: 8);
