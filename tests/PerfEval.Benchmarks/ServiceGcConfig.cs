using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace PerfEval.Benchmarks;

/// <summary>
/// The garbage collector as the service runs it (<c>PerfEval.Api.csproj</c>): server GC without
/// dynamic adaptation (DATAS). Bulk scoring allocates its result rows; how often they are collected
/// depends on this, so the computation is timed under the collector it runs under in production.
/// </summary>
public sealed class ServiceGcConfig : ManualConfig
{
    public ServiceGcConfig()
    {
        AddJob(Job.Default
            .WithGcServer(true)
            .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_GCDynamicAdaptationMode", "0"))
            .WithId("ServerGC"));
    }
}
