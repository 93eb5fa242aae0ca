using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.Reports;

/// <summary>
/// The self-evaluation report (部门单位整体支出绩效自评报告) of a department-year as a Word document
/// in the provincial layout: every figure from the scorecard computed by rule, the narrative as
/// stored, the 自评表 as a table, and an appendix of the declared figures that disagree.
/// </summary>
public sealed record RenderReport(string DepartmentCode, int FiscalYear) : IQuery<RenderedDocument>, IDepartmentRequest
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    internal sealed class Handler(ReportQueries queries) : IRequestHandler<RenderReport, RenderedDocument>
    {
        public async Task<RenderedDocument> Handle(RenderReport request, CancellationToken ct)
        {
            var facts = await ReportFacts.LoadAsync(queries, request.DepartmentCode, request.FiscalYear, ct);
            return new RenderedDocument(
                ReportDocument.Write(facts),
                ContentType,
                $"{facts.Department.Name}{request.FiscalYear}年度部门单位整体支出绩效自评报告.docx",
                $"{request.DepartmentCode}-{request.FiscalYear}-report.docx");
        }
    }
}
