using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PerfEval.Infrastructure;

namespace PerfEval.DataGenerator;

internal static class Program
{
    /// <summary>What <c>--help</c> prints.</summary>
    public const string Usage = """
        PerfEval.DataGenerator: 生成一个年度的模拟数据，写入配置的数据库，用于大数据量下的测量和测试。
        Writes one realistic generated fiscal year (departments, budget lines, projects, adjustments,
        indicators, filed evaluations) into the configured database (the embedded SQLite database by
        default, or SQL Server) with the service's own statements, then rebuilds the read model.

        Usage:
          dotnet run -c Release --project tools/PerfEval.DataGenerator -- [--departments N] [--year YYYY] [--seed N]

        Options:
          --departments N                 how many departments, 1 to 99999 (default 10000)
          --year YYYY                     the fiscal year to generate; it must not exist yet (default 2025)
          --seed N                        the same seed gives the same data (default 7)
          --Database:DataFolder PATH      SQLite: the folder of perfeval.db (default data)
          --Database:Provider NAME        Sqlite (default) or SqlServer
          --Database:ConnectionString CS  SQL Server: the database to fill; SQLite: overrides DataFolder
          --help, -h                      print this help and exit; touches no database

        Settings are read as the service reads them: also from environment variables
        (Database__Provider=SqlServer, Database__ConnectionString=…).

        Example:
          dotnet run -c Release --project tools/PerfEval.DataGenerator -- --departments 10000 --year 2025

        """;

    public static async Task<int> Main(string[] args)
    {
        // Before anything is configured: no database is touched.
        if (args.Any(a => a is "--help" or "-h" or "-?" or "/?"))
        {
            Console.Out.Write(Usage);
            return 0;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        await using var services = GeneratorServices.Create(configuration);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        return await RunAsync(services, configuration, args, cancel.Token);
    }

    /// <summary>Generates the year the options name and brings the read model to it. Returns the exit code: 1, after one line saying why, when the year cannot be generated.</summary>
    private static async Task<int> RunAsync(IServiceProvider services, IConfiguration configuration, string[] args, CancellationToken ct)
    {
        var logger = services.GetRequiredService<ILogger<YearGenerator>>();
        try
        {
            RefuseUnknownOptions(args);
            var (departments, year, seed) = Options(configuration);
            await services.GetRequiredService<YearGenerator>().GenerateAsync(departments, year, seed, ct);

            // The rows were written with the commands' statements, not through the commands: the read model is brought to them now.
            await services.RebuildReadModelAsync(ct);
            return 0;
        }
        catch (GenerationRefusedException refused)
        {
            // The reason is the whole message: no stack trace for a refusal the user can act on.
            logger.LogError("The year was not generated: {Reason}", refused.Message);
            return 1;
        }
    }

    /// <summary>A mistyped option (<c>--department 5</c>) would otherwise be ignored and the default year of 10,000 departments written.</summary>
    private static void RefuseUnknownOptions(string[] args)
    {
        var unknown = args
            .Where(a => a.StartsWith("--", StringComparison.Ordinal))
            .Select(a => a[2..].Split('=')[0])
            .Where(name => name is not ("departments" or "year" or "seed")
                && !name.StartsWith("Database:", StringComparison.OrdinalIgnoreCase)
                && !name.StartsWith("Logging:", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (unknown.Count > 0)
        {
            throw new GenerationRefusedException($"unknown option {string.Join(", ", unknown.Select(u => "--" + u))}; --help lists the options.");
        }
    }

    private static (int Departments, int Year, int Seed) Options(IConfiguration configuration)
    {
        try
        {
            return (configuration.GetValue("departments", 10_000), configuration.GetValue("year", 2025), configuration.GetValue("seed", 7));
        }
        catch (InvalidOperationException notANumber)
        {
            throw new GenerationRefusedException($"--departments, --year and --seed take whole numbers ({notANumber.InnerException?.Message ?? notANumber.Message}).");
        }
    }
}
