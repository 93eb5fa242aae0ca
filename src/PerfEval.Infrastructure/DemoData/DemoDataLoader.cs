using System.Text.Json;
using System.Text.Json.Serialization;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Monitoring;
using PerfEval.Infrastructure.Persistence;

namespace PerfEval.Infrastructure.DemoData;

/// <summary>The <c>Demo</c> configuration section.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "Demo";

    /// <summary>Load the three seed reports into an empty embedded (SQLite) database at start-up.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Loads the seed reports (2024) through the same commands the API uses, so demo data obeys every
/// rule real data does. Runs only against an empty SQLite database: never into SQL Server.
/// </summary>
public sealed class DemoDataLoader(IMediator mediator, IUnitOfWork unitOfWork, DatabaseOptions database, DemoDataOptions options)
{
    private const string CountDepartmentsSql = "SELECT COUNT(*) FROM departments";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Returns how many departments were loaded (0 when disabled or the database holds data).</summary>
    public async Task<int> LoadIfEmptyAsync(CancellationToken ct)
    {
        if (!options.Enabled || database.Provider != DatabaseProvider.Sqlite)
        {
            return 0;
        }

        var session = new DbSession();
        var existing = await unitOfWork.RunAsync(UnitOfWorkKind.Read, session, () => session.ExecuteScalarAsync<int>(CountDepartmentsSql, null, ct), ct);
        if (existing > 0)
        {
            return 0;
        }

        var data = Read();
        await LoadAsync(data, ct);
        return data.Reports.Count;
    }

    /// <summary>The as-of date of the demo's monitoring round: the end of June, where the reports' mid-year values stand.</summary>
    public static DateOnly MidYearAsOf(int year) => new(year, 6, 30);

    public static DemoDataSet Read()
    {
        using var stream = typeof(DemoDataLoader).Assembly.GetManifestResourceStream($"{typeof(DemoDataLoader).Namespace}.demo-2024.json")!;
        return JsonSerializer.Deserialize<DemoDataSet>(stream, Json)!;
    }

    private async Task LoadAsync(DemoDataSet data, CancellationToken ct)
    {
        var year = data.FiscalYear;
        await mediator.Send(new CreateFiscalYear(year, FiscalYearStatus.Evaluation, null), ct);
        foreach (var report in data.Reports)
        {
            var written = await DepartmentYearWriter.WriteAsync(mediator, year, report.ToYearData(), createDepartment: true, ct);

            // The reports' mid-year values (年中监控完成值) as the June monitoring round. The reports state no
            // amount executed by mid-year, so the round states none: its budget light is not stated.
            var midYear = report.Indicators.Zip(written.IndicatorIds)
                .Where(i => i.First.MidYearValue is not null)
                .Select(i => new IndicatorProgress(i.Second, CurrentValue: i.First.MidYearValue!.Value))
                .ToList();
            if (midYear.Count > 0)
            {
                await mediator.Send(new CreateMonitoringRound(MidYearAsOf(year), Indicators: midYear) { DepartmentCode = report.Department.Code, FiscalYear = year }, ct);
            }
        }
    }
}

public sealed record DemoDataSet(int FiscalYear, IReadOnlyList<DemoReport> Reports);

public sealed record DemoReport(
    string Source,
    string? Notes,
    YearDepartment Department,
    IReadOnlyList<YearProject> Projects,
    IReadOnlyList<YearBudgetLine> BudgetLines,
    IReadOnlyList<YearIndicator> Indicators,
    YearEvaluation Evaluation)
{
    public DepartmentYearData ToYearData() => new(Department, Projects, BudgetLines, Indicators, Evaluation);
}
