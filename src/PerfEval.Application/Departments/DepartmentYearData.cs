using MediatR;
using PerfEval.Application.Adjustments.Push;
using PerfEval.Application.Budgets;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;
using PerfEval.Application.Projects;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Departments;

/// <summary>
/// One department's year as a report states it: the department, its projects, budget lines (with
/// their adjustments), indicators and the evaluation's declared figures and narrative. Written only
/// through the ordinary commands (<see cref="DepartmentYearWriter"/>), so it obeys every rule the API
/// does: the demo data and a committed report import are both written this way.
/// </summary>
/// <param name="Department">The department's facts (used when it is created).</param>
/// <param name="Projects">Projects, each with a key its budget lines name.</param>
/// <param name="BudgetLines">Budget lines and their adjustments.</param>
/// <param name="Indicators">Performance indicators.</param>
/// <param name="Evaluation">The evaluation's declared figures, narrative and filing date.</param>
public sealed record DepartmentYearData(
    YearDepartment Department,
    IReadOnlyList<YearProject> Projects,
    IReadOnlyList<YearBudgetLine> BudgetLines,
    IReadOnlyList<YearIndicator> Indicators,
    YearEvaluation Evaluation);

/// <summary>The department as a report describes it.</summary>
public sealed record YearDepartment(
    string Code, string Name, string Region, string? ParentCode, string? UnitType, string? Level, string? Functions,
    Staffing Staffing, IReadOnlyList<string> Divisions);

/// <summary>A project; <paramref name="Key"/> names it for the budget lines.</summary>
public sealed record YearProject(string Key, string Name, FundingSource FundingSource, bool OnPlatform, decimal Budget, decimal Executed);

/// <summary>A budget line, its project (by key) and the adjustments pushed to it.</summary>
public sealed record YearBudgetLine(
    ExpenditureClass ExpenditureClass, FundingSource FundingSource, string? ProjectKey, decimal Initial, decimal Executed,
    IReadOnlyList<YearAdjustment> Adjustments);

/// <summary>An adjustment; a document number (文号) the source does not state is null.</summary>
public sealed record YearAdjustment(decimal Amount, string? DocumentNumber, string Reason, DateOnly EffectiveDate, string SourceSystem, string SourceItemId);

/// <summary>A performance indicator as recorded.</summary>
public sealed record YearIndicator(
    int Sequence, string Name, IndicatorCategory Category, IndicatorSubcategory Subcategory, IndicatorKind Kind,
    ComparisonOperator? Operator, decimal? Target, string? Unit, decimal? Weight, decimal? MidYearValue, decimal? FinalValue,
    QualitativeTier? QualitativeTier, decimal? QualitativeScore, string? DeviationReason, string? ImprovementMeasure,
    string? Evidence, decimal? DeclaredCompletion, decimal? DeclaredScore);

/// <summary>The evaluation's own fields; <paramref name="ConflictingFacts"/>: facts the report printed with different values.</summary>
public sealed record YearEvaluation(
    DeclaredFigures Declared, string? Problems, string? Causes, string? ImprovementMeasures, string? Suggestions, DateOnly? FiledOn,
    IReadOnlyList<string>? ConflictingFacts = null);

/// <summary>What writing a department-year created: the ids a caller may record.</summary>
public sealed record DepartmentYearWritten(
    bool DepartmentCreated, IReadOnlyList<long> ProjectIds, IReadOnlyList<long> BudgetLineIds, IReadOnlyList<long> AdjustmentIds, IReadOnlyList<long> IndicatorIds);

/// <summary>Sends the commands that store a <see cref="DepartmentYearData"/>, in order; each is validated and guarded as if it came from the API.</summary>
public static class DepartmentYearWriter
{
    /// <summary>
    /// Writes the year's data; the department is created first unless it exists already
    /// (<paramref name="createDepartment"/> false). Sent inside a command, every command joins its transaction.
    /// </summary>
    public static async Task<DepartmentYearWritten> WriteAsync(IMediator mediator, int year, DepartmentYearData data, bool createDepartment, CancellationToken ct)
    {
        var d = data.Department;
        if (createDepartment)
        {
            await mediator.Send(new CreateDepartment(d.Code, d.Name, d.Region, d.ParentCode, d.UnitType, d.Level, d.Functions, d.Staffing, d.Divisions), ct);
        }

        var projectIds = new Dictionary<string, long>();
        foreach (var p in data.Projects)
        {
            var project = await mediator.Send(new CreateProject(p.Name, p.FundingSource, p.OnPlatform, p.Budget, p.Executed) { DepartmentCode = d.Code, FiscalYear = year }, ct);
            projectIds[p.Key] = project.Id;
        }

        var lineIds = new List<long>();
        var adjustments = new List<AdjustmentItem>();
        foreach (var l in data.BudgetLines)
        {
            long? projectId = l.ProjectKey is null ? null : projectIds[l.ProjectKey];
            var line = await mediator.Send(new CreateBudgetLine(l.ExpenditureClass, l.FundingSource, l.Initial, l.Executed, projectId) { DepartmentCode = d.Code, FiscalYear = year }, ct);
            lineIds.Add(line.Id);
            adjustments.AddRange(l.Adjustments.Select(a => new AdjustmentItem(
                d.Code, year, a.Amount, a.DocumentNumber, a.Reason, a.EffectiveDate, a.SourceSystem, a.SourceItemId, LineId: line.Id)));
        }

        IReadOnlyList<long> adjustmentIds = [];
        if (adjustments.Count > 0)
        {
            var pushed = await mediator.Send(new PushBudgetAdjustments(adjustments), ct);
            adjustmentIds = [.. pushed.Recorded.Adjustments.Select(a => a.Id)];
        }

        var indicatorIds = new List<long>();
        foreach (var i in data.Indicators)
        {
            var indicator = await mediator.Send(new CreateIndicator(
                i.Name, i.Category, i.Subcategory, i.Kind, i.Sequence, i.Operator, i.Target, i.Unit, i.Weight,
                i.MidYearValue, i.FinalValue, i.QualitativeTier, i.QualitativeScore, i.DeviationReason, i.ImprovementMeasure,
                i.Evidence, DeclaredCompletion: i.DeclaredCompletion, DeclaredScore: i.DeclaredScore) { DepartmentCode = d.Code, FiscalYear = year }, ct);
            indicatorIds.Add(indicator.Id);
        }

        var e = data.Evaluation;
        await mediator.Send(new SaveEvaluation(e.Declared, e.Problems, e.Causes, e.ImprovementMeasures, e.Suggestions, e.FiledOn, e.ConflictingFacts) { DepartmentCode = d.Code, FiscalYear = year }, ct);
        return new DepartmentYearWritten(createDepartment, [.. projectIds.Values], lineIds, adjustmentIds, indicatorIds);
    }
}
