using BenchmarkDotNet.Attributes;

namespace PerfEval.Benchmarks;

/// <summary>
/// POST /api/v1/budget-adjustments over a real loopback socket, end to end (request sent, stored,
/// response read): one batch of 10,000 adjustments versus 10,000 single-item pushes, each its own
/// request and Idempotency-Key, sent one after another by one client. Every invocation pushes new
/// source items, so the ledger grows as it would in use. Targets: the batch under 150 ms, and at
/// least 10× faster than the singles.
/// <code>dotnet run -c Release --project tests/PerfEval.Benchmarks -- --filter *AdjustmentPushBenchmarks*</code>
/// </summary>
[Config(typeof(AdjustmentBenchmarkConfig))]
public class AdjustmentPushBenchmarks
{
    private const int Count = 10_000;
    private AdjustmentService _service = null!;
    private byte[] _batch = [];
    private byte[][] _singles = [];

    [GlobalSetup]
    public void Setup() => _service = AdjustmentService.StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _service.Dispose();

    [IterationSetup(Target = nameof(OneBatchOf10000))]
    public void NewBatch() => _batch = AdjustmentService.Body(_service.NewItems(Count));

    [IterationSetup(Target = nameof(TenThousandSingles))]
    public void NewSingles() => _singles = [.. _service.NewItems(Count).Select(item => AdjustmentService.Body([item]))];

    [Benchmark(Baseline = true, Description = "1 request × 10,000 items")]
    public Task<int> OneBatchOf10000() => _service.PushAsync(_batch, Guid.NewGuid().ToString());

    [Benchmark(Description = "10,000 requests × 1 item")]
    public async Task<int> TenThousandSingles()
    {
        var bytes = 0;
        foreach (var body in _singles)
        {
            bytes += await _service.PushAsync(body, Guid.NewGuid().ToString());
        }

        return bytes;
    }
}
