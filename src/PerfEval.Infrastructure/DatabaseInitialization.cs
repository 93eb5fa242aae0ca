using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PerfEval.Application.ReadModel;
using PerfEval.Infrastructure.DemoData;
using PerfEval.Infrastructure.Persistence;

namespace PerfEval.Infrastructure;

public static class DatabaseInitialization
{
    /// <summary>
    /// At start-up: apply pending migrations (unless a separate migrate job does), rebuild the read
    /// model when it was built by other scoring rules (or a migration asked for it), then load the demo
    /// data into an empty embedded database.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        if (options.MigrateOnStartup)
        {
            await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        }

        await using var scope = services.CreateAsyncScope();
        var rebuilt = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RebuildReadModel(OnlyWhenStale: true), cancellationToken);
        if (!rebuilt.Skipped)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger("PerfEval.ReadModel")
                .LogInformation("Read model rebuilt for years {Years}: {Changed} scorecards changed", rebuilt.Years, rebuilt.Changed);
        }

        var loaded = await scope.ServiceProvider.GetRequiredService<DemoDataLoader>().LoadIfEmptyAsync(cancellationToken);
        if (loaded > 0)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger("PerfEval.DemoData")
                .LogInformation("Loaded the demo data set: {Count} departments", loaded);
        }
    }

    /// <summary>The <c>rebuild-read-model</c> command, and after any bulk load that bypasses the commands: every year scored again.</summary>
    public static async Task RebuildReadModelAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        var rebuilt = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RebuildReadModel(), cancellationToken);
        services.GetRequiredService<ILoggerFactory>().CreateLogger("PerfEval.ReadModel").LogInformation(
            "Read model rebuilt for years {Years}: {Changed} scorecards changed in {Seconds:0.00} s",
            rebuilt.Years, rebuilt.Changed, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}
