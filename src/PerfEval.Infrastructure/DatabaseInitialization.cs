using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PerfEval.Infrastructure.DemoData;
using PerfEval.Infrastructure.Persistence;

namespace PerfEval.Infrastructure;

public static class DatabaseInitialization
{
    /// <summary>At start-up: apply pending migrations (unless a separate migrate job does), then load the demo data into an empty embedded database.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        if (options.MigrateOnStartup)
        {
            await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        }

        await using var scope = services.CreateAsyncScope();
        var loaded = await scope.ServiceProvider.GetRequiredService<DemoDataLoader>().LoadIfEmptyAsync(cancellationToken);
        if (loaded > 0)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger("PerfEval.DemoData")
                .LogInformation("Loaded the demo data set: {Count} departments", loaded);
        }
    }
}
