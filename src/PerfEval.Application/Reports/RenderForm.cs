using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;
using PerfEval.Application.Projects;

namespace PerfEval.Application.Reports;

/// <summary>The 自评表 of a department-year as a formatted Excel sheet: the funds block and the indicator block, figures computed by rule.</summary>
public sealed record RenderForm(string DepartmentCode, int FiscalYear) : IQuery<RenderedDocument>, IDepartmentRequest
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    internal sealed class Handler(
        IRequestHandler<GetDepartment, DepartmentResponse> department,
        IRequestHandler<GetScorecard, ScorecardResponse> scorecard,
        IRequestHandler<ListIndicators, Page<IndicatorResponse>> indicators,
        IRequestHandler<ListProjects, Page<ProjectResponse>> projects,
        IRequestHandler<GetEvaluationNarrative, EvaluationNarrative?> narrative) : IRequestHandler<RenderForm, RenderedDocument>
    {
        public async Task<RenderedDocument> Handle(RenderForm request, CancellationToken ct)
        {
            var facts = await ReportFacts.LoadAsync(new ReportQueries(department, scorecard, indicators, projects, narrative), request.DepartmentCode, request.FiscalYear, ct);
            return new RenderedDocument(
                FormWorkbook.Write(facts),
                ContentType,
                $"{facts.Department.Name}{request.FiscalYear}年度部门单位整体支出绩效自评表.xlsx",
                $"{request.DepartmentCode}-{request.FiscalYear}-form.xlsx");
        }
    }
}
