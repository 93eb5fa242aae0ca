using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.Reports;

/// <summary>The 自评表 of a department-year as a formatted Excel sheet: the funds block and the indicator block, figures computed by rule.</summary>
public sealed record RenderForm(string DepartmentCode, int FiscalYear) : IQuery<RenderedDocument>, IDepartmentRequest
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    internal sealed class Handler(ReportQueries queries) : IRequestHandler<RenderForm, RenderedDocument>
    {
        public async Task<RenderedDocument> Handle(RenderForm request, CancellationToken ct)
        {
            var facts = await ReportFacts.LoadAsync(queries, request.DepartmentCode, request.FiscalYear, ct);
            return new RenderedDocument(
                FormWorkbook.Write(facts),
                ContentType,
                $"{facts.Department.Name}{request.FiscalYear}年度部门单位整体支出绩效自评表.xlsx",
                $"{request.DepartmentCode}-{request.FiscalYear}-form.xlsx");
        }
    }
}
