using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;
using PerfEval.Application.Projects;

namespace PerfEval.Application.Reports;

/// <summary>
/// Everything a rendered report or form shows, read by the same query handlers the API serves: the
/// department, the scorecard computed by rule, the indicators as filled in, the projects and the
/// narrative. A renderer lays these out; it computes no rule of its own.
/// </summary>
internal sealed record ReportFacts(
    DepartmentResponse Department,
    int FiscalYear,
    ScorecardResponse Scorecard,
    IReadOnlyList<IndicatorResponse> Indicators,
    IReadOnlyList<ProjectResponse> Projects,
    EvaluationNarrative? Narrative)
{
    public static async Task<ReportFacts> LoadAsync(ReportQueries queries, string departmentCode, int year, CancellationToken ct)
    {
        var department = await queries.Department.Handle(new GetDepartment(departmentCode), ct);
        var scorecard = await queries.Scorecard.Handle(new GetScorecard(departmentCode, year), ct);
        var indicators = new List<IndicatorResponse>();
        string? cursor = null;
        do
        {
            var page = await queries.Indicators.Handle(new ListIndicators(departmentCode, year, Limit: Paging.MaxLimit, Cursor: cursor), ct);
            indicators.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var projects = new List<ProjectResponse>();
        do
        {
            var page = await queries.Projects.Handle(new ListProjects(departmentCode, year, Limit: Paging.MaxLimit, Cursor: cursor), ct);
            projects.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var narrative = await queries.Narrative.Handle(new GetEvaluationNarrative(departmentCode, year), ct);
        return new ReportFacts(department, year, scorecard, indicators, projects, narrative);
    }

    /// <summary>The scored row of an indicator (by id; by sequence for one without).</summary>
    public IndicatorScorecard? ScoreOf(IndicatorResponse indicator) =>
        Scorecard.Indicators.FirstOrDefault(s => s.Id == indicator.Id) ?? Scorecard.Indicators.FirstOrDefault(s => s.Id is null && s.Sequence == indicator.Sequence);

    /// <summary>
    /// Findings where the report's declared figures disagree with the computed ones, or with each
    /// other (the budget identities over declared figures).
    /// </summary>
    public IReadOnlyList<FindingResponse> DeclaredFindings =>
        [.. Scorecard.Findings.Where(f => f.Code.StartsWith("DECLARED_", StringComparison.Ordinal) || f.Code.StartsWith("BUDGET_", StringComparison.Ordinal))];
}

/// <summary>
/// The queries a report reads, run by their own handlers inside the rendering request's unit of work:
/// one read connection and one access check (the rendering request's) for the whole document.
/// </summary>
internal sealed record ReportQueries(
    IRequestHandler<GetDepartment, DepartmentResponse> Department,
    IRequestHandler<GetScorecard, ScorecardResponse> Scorecard,
    IRequestHandler<ListIndicators, Page<IndicatorResponse>> Indicators,
    IRequestHandler<ListProjects, Page<ProjectResponse>> Projects,
    IRequestHandler<GetEvaluationNarrative, EvaluationNarrative?> Narrative);

/// <summary>
/// A rendered file: its bytes, its media type and its names for Content-Disposition: the Chinese name
/// (filename*) and an ASCII one for clients that read only filename.
/// </summary>
public sealed record RenderedDocument(byte[] Content, string ContentType, string FileName, string AsciiFileName);
