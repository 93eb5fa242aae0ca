using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.DataGenerator;
using PerfEval.Infrastructure;
using PerfEval.Infrastructure.Persistence;

namespace PerfEval.FunctionalTests.Exports;

/// <summary>A year from the data generator, larger than one chunk of every export: 1,100 departments (three chunks of 500), ~8,000 lines.</summary>
public sealed class GeneratedYearFactory : PerfEvalFactory, IAsyncLifetime
{
    public const int Year = 2026;
    public const int Departments = 1_100;

    public YearGenerator.Counts Counts { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var generator = ActivatorUtilities.CreateInstance<YearGenerator>(Services);
        Counts = await generator.GenerateAsync(Departments, Year, seed: 3, CancellationToken.None);
        await Services.RebuildReadModelAsync(CancellationToken.None);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class GeneratedYearTests(GeneratedYearFactory factory) : IClassFixture<GeneratedYearFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Export_OfAGeneratedYear_HoldsEveryRowOnceInOrderAcrossChunks()
    {
        var counts = factory.Counts;

        var scorecards = await ExportAsync("scorecards", "ndjson");
        var indicators = await ExportAsync("indicators", "csv");
        var lines = await ExportAsync("budget-lines", "xlsx");
        var adjustments = await ExportAsync("adjustments", "ndjson");

        Assert.Equal(GeneratedYearFactory.Departments, counts.Departments);
        AssertStrictlyAscending(scorecards.Select(r => r["departmentCode"].Text), StringComparer.Ordinal, GeneratedYearFactory.Departments);
        AssertStrictlyAscending(indicators.Select(r => long.Parse(r["指标ID"].Text, CultureInfo.InvariantCulture)), Comparer<long>.Default, counts.Indicators);
        AssertStrictlyAscending(lines.Select(r => long.Parse(r["预算行ID"].Text, CultureInfo.InvariantCulture)), Comparer<long>.Default, counts.Lines);
        AssertStrictlyAscending(adjustments.Select(r => long.Parse(r["id"].Text, CultureInfo.InvariantCulture)), Comparer<long>.Default, counts.Adjustments);
        Assert.True(counts.Lines > 2 * 1_000 && counts.Adjustments > 1_000, $"Too few rows to cross chunks: {counts}");

        // The same composite for every department as the ranking, walked page by page.
        var ranking = await _client.WalkPagesAsync($"/api/v1/fiscal-years/{GeneratedYearFactory.Year}/scorecards", 500);
        Assert.Equal(
            ranking.Select(r => r.GetProperty("scorecard")).ToDictionary(s => s.GetProperty("departmentCode").GetString()!, s => s.GetProperty("compositeScore").GetRawText()),
            scorecards.ToDictionary(r => r["departmentCode"].Text, r => r["compositeScore"].Text));
    }

    [Fact]
    public async Task GeneratedYear_LooksLikeFiledReports_WeightsTotal100GradesSpreadAndFindingsAppear()
    {
        var summary = await (await _client.GetAsync($"/api/v1/fiscal-years/{GeneratedYearFactory.Year}/summary")).JsonAsync();
        var indicators = await ExportAsync("indicators", "ndjson");

        var overall = summary.GetProperty("overall");
        Assert.Equal(GeneratedYearFactory.Departments, overall.GetProperty("departmentCount").GetInt32());
        var grades = overall.GetProperty("grades");
        Assert.All(new[] { "excellent", "good", "fair" }, g => Assert.True(grades.GetProperty(g).GetInt32() > 0, $"No '{g}' grade: {grades}"));
        Assert.True(grades.GetProperty("excellent").GetInt32() > GeneratedYearFactory.Departments / 2, $"Self-evaluations are mostly 优: {grades}");
        var withErrors = overall.GetProperty("unitsWithErrors").GetInt32();
        Assert.InRange(withErrors, GeneratedYearFactory.Departments / 20, GeneratedYearFactory.Departments * 3 / 4);

        // Indicator weights total 90 beside the execution weight 10, bar the few reports that get it wrong.
        var weightTotals = indicators.GroupBy(r => r["departmentCode"].Text).Select(g => g.Sum(r => decimal.Parse(r["weight"].Text, CultureInfo.InvariantCulture))).ToList();
        Assert.True(weightTotals.Count(t => t == 90m) > weightTotals.Count * 9 / 10, "Fewer than 90% of departments weigh their indicators 90.");
        Assert.Contains(indicators, r => decimal.Parse(r["completion"].Text, CultureInfo.InvariantCulture) >= 120m);
        Assert.InRange(indicators.Count / (double)GeneratedYearFactory.Departments, 9.0, 11.0);
    }

    [Fact]
    public async Task GenerateData_WithTheSameSeed_WritesTheSameRows()
    {
        var first = await GenerateIntoFreshDatabaseAsync(seed: 11);
        var again = await GenerateIntoFreshDatabaseAsync(seed: 11);
        var other = await GenerateIntoFreshDatabaseAsync(seed: 12);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    private async Task<List<Dictionary<string, ExportCell>>> ExportAsync(string dataset, string format) =>
        await ExportFiles.ReadAsync(await _client.GetAsync($"/api/v1/fiscal-years/{GeneratedYearFactory.Year}/export?format={format}&dataset={dataset}"), format);

    private static void AssertStrictlyAscending<T>(IEnumerable<T> keys, IComparer<T> comparer, int count)
    {
        var list = keys.ToList();
        Assert.Equal(count, list.Count);
        for (var i = 1; i < list.Count; i++)
        {
            Assert.True(comparer.Compare(list[i - 1], list[i]) < 0, $"Row {i}: {list[i]} does not follow {list[i - 1]} (a row repeated or out of order).");
        }
    }

    /// <summary>Every generated row of every table, as text.</summary>
    private static async Task<string> GenerateIntoFreshDatabaseAsync(int seed)
    {
        var folder = Path.Combine(Path.GetTempPath(), "perfeval-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:DataFolder"] = folder,
                ["Logging:LogLevel:Default"] = "Warning",
            }).Build();
            await using (var services = GeneratorServices.Create(configuration))
            {
                await services.GetRequiredService<YearGenerator>().GenerateAsync(departments: 40, year: 2027, seed, CancellationToken.None);
            }

            var connections = new ConnectionFactory(new DatabaseOptions { DataFolder = folder });

            var dump = new StringBuilder();
            await using var connection = new SqliteConnection(connections.ConnectionStringFor(PerfEval.Application.Common.UnitOfWorkKind.Read));
            await connection.OpenAsync();
            foreach (var table in new[] { "fiscal_years", "departments", "projects", "budget_lines", "budget_adjustments", "indicators", "evaluations" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        dump.Append(reader.IsDBNull(i) ? "∅" : reader.GetValue(i)).Append('|');
                    }

                    dump.AppendLine();
                }
            }

            return dump.ToString();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
