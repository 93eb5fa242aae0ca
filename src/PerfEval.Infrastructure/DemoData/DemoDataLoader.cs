using System.Text.Json;
using System.Text.Json.Serialization;
using MediatR;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.Evaluations;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Indicators;
using PerfEval.Application.Projects;
using PerfEval.Application.Scoring;
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
            var d = report.Department;
            await mediator.Send(new CreateDepartment(d.Code, d.Name, d.Region, d.ParentCode, d.UnitType, d.Level, d.Functions, d.Staffing, d.Divisions), ct);

            var projectIds = new Dictionary<string, long>();
            foreach (var p in report.Projects)
            {
                var project = await mediator.Send(new CreateProject(p.Name, p.FundingSource, p.OnPlatform, p.Budget, p.Executed) { DepartmentCode = d.Code, FiscalYear = year }, ct);
                projectIds[p.Key] = project.Id;
            }

            var adjustments = new List<AdjustmentItem>();
            foreach (var l in report.BudgetLines)
            {
                long? projectId = l.ProjectKey is null ? null : projectIds[l.ProjectKey];
                var line = await mediator.Send(new CreateBudgetLine(l.ExpenditureClass, l.FundingSource, l.Initial, l.Executed, projectId) { DepartmentCode = d.Code, FiscalYear = year }, ct);
                adjustments.AddRange(l.Adjustments.Select(a => new AdjustmentItem(
                    d.Code, year, a.Amount, a.DocumentNumber, a.Reason, a.EffectiveDate, a.SourceSystem, a.SourceItemId, LineId: line.Id)));
            }

            if (adjustments.Count > 0)
            {
                await mediator.Send(new PushBudgetAdjustments(adjustments), ct);
            }

            foreach (var i in report.Indicators)
            {
                await mediator.Send(new CreateIndicator(
                    i.Name, i.Category, i.Subcategory, i.Kind, i.Sequence, i.Operator, i.Target, i.Unit, i.Weight,
                    i.MidYearValue, i.FinalValue, i.QualitativeTier, i.QualitativeScore, i.DeviationReason, i.ImprovementMeasure,
                    i.Evidence, DeclaredCompletion: i.DeclaredCompletion, DeclaredScore: i.DeclaredScore) { DepartmentCode = d.Code, FiscalYear = year }, ct);
            }

            var e = report.Evaluation;
            await mediator.Send(new SaveEvaluation(e.Declared, e.Problems, e.Causes, e.ImprovementMeasures, e.Suggestions, e.FiledOn) { DepartmentCode = d.Code, FiscalYear = year }, ct);
        }
    }
}

public sealed record DemoDataSet(int FiscalYear, IReadOnlyList<DemoReport> Reports);

public sealed record DemoReport(
    string Source,
    string? Notes,
    DemoDepartment Department,
    IReadOnlyList<DemoProject> Projects,
    IReadOnlyList<DemoBudgetLine> BudgetLines,
    IReadOnlyList<DemoIndicator> Indicators,
    DemoEvaluation Evaluation);

public sealed record DemoEvaluation(
    DeclaredFigures Declared, string? Problems, string? Causes, string? ImprovementMeasures, string? Suggestions, DateOnly? FiledOn);

public sealed record DemoDepartment(
    string Code, string Name, string Region, string? ParentCode, string? UnitType, string? Level, string? Functions,
    Staffing Staffing, IReadOnlyList<string> Divisions);

public sealed record DemoProject(string Key, string Name, FundingSource FundingSource, bool OnPlatform, decimal Budget, decimal Executed);

public sealed record DemoBudgetLine(
    ExpenditureClass ExpenditureClass, FundingSource FundingSource, string? ProjectKey, decimal Initial, decimal Executed,
    IReadOnlyList<DemoAdjustment> Adjustments);

public sealed record DemoAdjustment(decimal Amount, string DocumentNumber, string Reason, DateOnly EffectiveDate, string SourceSystem, string SourceItemId);

public sealed record DemoIndicator(
    int Sequence, string Name, IndicatorCategory Category, IndicatorSubcategory Subcategory, IndicatorKind Kind,
    ComparisonOperator? Operator, decimal? Target, string? Unit, decimal? Weight, decimal? MidYearValue, decimal? FinalValue,
    QualitativeTier? QualitativeTier, decimal? QualitativeScore, string? DeviationReason, string? ImprovementMeasure,
    string? Evidence, decimal? DeclaredCompletion, decimal? DeclaredScore);
