using MediatR;
using Microsoft.Net.Http.Headers;
using PerfEval.Api.Security;
using PerfEval.Application.Reports;

namespace PerfEval.Api.Endpoints;

/// <summary>The self-evaluation report (Word) and the 自评表 (Excel) of a department-year, rendered from the scorecard computed by rule.</summary>
internal static class ReportEndpoints
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/departments/{code}/evaluations/{year:int}").WithTags("Evaluations");

        group.MapGet("/report", async (IMediator mediator, HttpResponse response, string code, int year, CancellationToken ct) =>
                File(await mediator.Send(new RenderReport(code, year), ct), response))
            .WithName("renderReport")
            .WithSummary("自评报告 (Word) Self-evaluation report")
            .WithDescription("""
                部门单位整体支出绩效自评报告，按省级模板版式生成 DOCX：附件标题、报告名称、年度、部门单位名称、填报时间，
                一、基本概况至六、改进措施和建议；金额以万元计（两位小数），执行率、完成率、得分、综合得分与评价结果均按规则计算；
                指标段落使用模板句式；文末附自评表（资金与指标两部分）；填报数与计算数不一致时附“数据核对发现”。

                The self-evaluation report of a department-year as a Word (DOCX) document in the provincial
                layout: every figure comes from the scorecard computed by rule (amounts in 万元 with 2
                decimals; rates, scores, composite and grade), the narrative from the stored department and
                evaluation fields, the indicator paragraphs in the template's sentences, the 自评表 as Word
                tables, and an appendix (附：数据核对发现) listing where the declared figures differ from the
                computed ones. The file name is given in Content-Disposition (RFC 6266 filename*). A client
                limited to some regions or departments gets 404 outside them.
                """)
            .Produces<Stream>(StatusCodes.Status200OK, RenderReport.ContentType)
            .RequireScope(Scopes.Read);

        group.MapGet("/form", async (IMediator mediator, HttpResponse response, string code, int year, CancellationToken ct) =>
                File(await mediator.Send(new RenderForm(code, year), ct), response))
            .WithName("renderForm")
            .WithSummary("自评表 (Excel) Self-evaluation form")
            .WithDescription("""
                部门单位整体支出绩效自评表，XLSX 一张工作表：合并标题行，资金部分（年初预算数、全年预算数、全年执行数，万元，
                格式 #,##0.00；分值、执行率、得分，格式 0.00）与指标部分（一级/二级/三级指标、指标值、实际完成值、分值、得分、
                偏差原因分析及改进措施），边框、适合中文的列宽、冻结表头。

                The 自评表 of a department-year as one formatted XLSX sheet: a merged title row, the funds
                block (initial, adjusted and executed budget in 万元 as numbers formatted #,##0.00; weight,
                execution rate and score formatted 0.00) and the indicator block (level 1/2/3 indicators,
                target, final value, weight, score, deviation reason and improvement measure), with
                borders, column widths that fit Chinese text and the header rows frozen. Figures are the
                scorecard's, computed by rule. A client limited to some regions or departments gets 404
                outside them.
                """)
            .Produces<Stream>(StatusCodes.Status200OK, RenderForm.ContentType)
            .RequireScope(Scopes.Read);

        return api;
    }

    /// <summary>An attachment with its name: an ASCII fallback and the UTF-8 name (filename*, RFC 6266).</summary>
    private static IResult File(RenderedDocument document, HttpResponse response)
    {
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = document.AsciiFileName,
            FileNameStar = document.FileName,
        }.ToString();
        return Results.Bytes(document.Content, document.ContentType);
    }
}
