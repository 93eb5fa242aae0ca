using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PerfEval.Application.Common;

namespace PerfEval.Api.Infrastructure;

/// <summary>
/// OpenTelemetry traces (HTTP, MediatR requests, database commands) and metrics (HTTP request
/// duration, pushed adjustments, findings by code), exported over OTLP when the standard variables
/// name an endpoint (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, or the per-signal ones; the exporter reads
/// the rest: protocol, headers, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>). Without
/// them nothing is collected. <c>Telemetry:Enabled=true</c> collects without OTLP (for another exporter).
/// </summary>
internal static class TelemetrySetup
{
    private static readonly string[] EndpointVariables =
        ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"];

    public static WebApplicationBuilder AddPerfEvalTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = EndpointVariables.Any(v => !string.IsNullOrWhiteSpace(builder.Configuration[v]));
        if (!otlp && !builder.Configuration.GetValue("Telemetry:Enabled", false))
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName: "perfeval-api"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health")).AddSource(Telemetry.Name))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter(Telemetry.Name));
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
