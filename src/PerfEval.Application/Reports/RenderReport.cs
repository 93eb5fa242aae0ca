using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;
using PerfEval.Application.Projects;

namespace PerfEval.Application.Reports;

/// <summary>
/// The self-evaluation report (部门单位整体支出绩效自评报告) of a department-year as a Word document
/// in the provincial layout: every figure from the scorecard computed by rule, the narrative as
/// stored, the 自评表 as a table, and an appendix of the declared figures that disagree.
/// </summary>
public sealed record RenderReport(string DepartmentCode, int FiscalYear) : IQuery<RenderedDocument>, IDepartmentRequest
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    internal sealed class Handler(
        IRequestHandler<GetDepartment, DepartmentResponse> department,
        IRequestHandler<GetScorecard, ScorecardResponse> scorecard,
        IRequestHandler<ListIndicators, Page<IndicatorResponse>> indicators,
        IRequestHandler<ListProjects, Page<ProjectResponse>> projects,
        IRequestHandler<GetEvaluationNarrative, EvaluationNarrative?> narrative) : IRequestHandler<RenderReport, RenderedDocument>
    {
        public async Task<RenderedDocument> Handle(RenderReport request, CancellationToken ct)
        {
            var facts = await ReportFacts.LoadAsync(new ReportQueries(department, scorecard, indicators, projects, narrative), request.DepartmentCode, request.FiscalYear, ct);
            return new RenderedDocument(
                ReportDocument.Write(facts),
                ContentType,
                $"{facts.Department.Name}{request.FiscalYear}年度部门单位整体支出绩效自评报告.docx",
                $"{request.DepartmentCode}-{request.FiscalYear}-report.docx");
        }
    }
}
