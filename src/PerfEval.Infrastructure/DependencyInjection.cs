using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Application.Common;
using PerfEval.Application.ReportImports;
using PerfEval.Infrastructure.DemoData;
using PerfEval.Infrastructure.Persistence;
using PerfEval.Infrastructure.ReportFiles;

namespace PerfEval.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        DapperSetup.Configure();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddSingleton<ConnectionFactory>();
        services.AddSingleton<IUnitOfWork, UnitOfWork>();
        services.AddSingleton<WalCheckpoints>();
        services.AddHostedService(provider => provider.GetRequiredService<WalCheckpoints>());
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton(configuration.GetSection(DemoDataOptions.Section).Get<DemoDataOptions>() ?? new DemoDataOptions());
        services.AddScoped<DemoDataLoader>();
        services.AddSingleton(configuration.GetSection(IdempotencyOptions.Section).Get<IdempotencyOptions>() ?? new IdempotencyOptions());
        services.AddHostedService<IdempotencyPurge>();
        services.AddSingleton(configuration.GetSection("ReportImports").Get<ReportImportLimits>() ?? ReportImportLimits.Default);
        services.AddSingleton<IReportFileReader, ReportFileReader>();
        return services;
    }
}
