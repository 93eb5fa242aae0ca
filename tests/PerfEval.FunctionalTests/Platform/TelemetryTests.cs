using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PerfEval.FunctionalTests.Adjustments;

namespace PerfEval.FunctionalTests.Platform;

/// <summary>Telemetry collected (Telemetry:Enabled, as OTEL_EXPORTER_OTLP_ENDPOINT would) into in-memory exporters.</summary>
public sealed class TelemetryFactory : PerfEvalFactory
{
    public List<Activity> Spans { get; } = [];

    public List<Metric> Metrics { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Telemetry:Enabled", "true");
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans));
            services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Metrics));
        });
    }
}

/// <summary>A request leaves a trace (HTTP, its MediatR request, its database commands) and metrics.</summary>
public sealed class TelemetryTests(TelemetryFactory factory) : IClassFixture<TelemetryFactory>
{
    private const int Year = 2036;

    [Fact]
    public async Task APush_LeavesATraceOfHttpRequestAndDatabase_AndMetrics()
    {
        var admin = factory.CreateClient();
        var (code, lineId) = await admin.NewLineAsync(Year, initial: 10_000m, executed: 0m);

        // The push continues a trace of the test's own, so spans of other tests running beside it are told apart.
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, AdjustmentApi.Url)
        {
            Content = new StringContent(AdjustmentApi.Body([MoreTestData.Adjustment(code, Year, lineId, 5m), MoreTestData.Adjustment(code, Year, lineId, 6m)]), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", AdjustmentApi.NewKey());
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        Assert.Equal(HttpStatusCode.Created, (await admin.SendAsync(request)).StatusCode);
        await admin.GetAsync($"/api/v1/departments/{code}/evaluations/{Year}");
        factory.Services.GetRequiredService<MeterProvider>().ForceFlush();

        List<Activity> spans;
        lock (factory.Spans)
        {
            spans = [.. factory.Spans];
        }

        var trace = spans.Where(s => s.TraceId == traceId).ToList();
        Assert.Single(trace, s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == AdjustmentApi.Url);
        Assert.Single(trace, s => s.DisplayName == "PushBudgetAdjustments");
        Assert.Contains(trace, s => s.Kind == ActivityKind.Client && s.DisplayName == "INSERT" && s.GetTagItem("db.system.name") is "sqlite" or "microsoft.sql_server");
        Assert.Contains(spans, s => s.DisplayName == "GetScorecard");
        Assert.Contains(factory.Metrics, m => m.Name == "http.server.request.duration");
        var pushed = Assert.Single(factory.Metrics, m => m.Name == "perfeval.adjustments.pushed");
        long total = 0;
        foreach (ref readonly var point in pushed.GetMetricPoints())
        {
            total += point.GetSumLong();
        }

        Assert.True(total >= 2, $"pushed adjustments counted: {total}");
    }
}
