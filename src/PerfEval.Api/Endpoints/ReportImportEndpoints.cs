using MediatR;
using Microsoft.Net.Http.Headers;
using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using PerfEval.Application.ReportImports;
using PerfEval.Api.OpenApi;
using PerfEval.Api.Endpoints.Examples;

namespace PerfEval.Api.Endpoints;

/// <summary>Reports in (issue #21): a department's report uploaded as it is written, read into a draft a reviewer confirms.</summary>
internal static class ReportImportEndpoints
{
    public static RouteGroupBuilder MapReportImports(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/report-imports").WithTags("Report imports");

        group.MapPost("/", async (IMediator mediator, HttpRequest http, CancellationToken ct) =>
            {
                var created = await mediator.Send(await ReadUploadAsync(http, ct), ct);
                return TypedResults.Created($"/api/v1/report-imports/{created.Id}", created);
            })
            .WithName("uploadReport")
            .WithSummary("上传自评报告 Upload a report")
            .WithRequestDescription("The report file, as the raw body or as a form's one file field.")
            .WithResponseDescription("Created: the stored draft; Location names it.")
            .WithExample("gyyq", "工业园区管理办公室's 2024 report, shortened", response: ReportImportsExamples.UploadReportGyyq, notOnDemoData: ReportImportsExamples.NoUpload)
            .AcceptsFile("text/plain", "The report as UTF-8 text (a BOM is dropped; other encodings are refused).", binary: false, example: """
                部门单位整体支出绩效自评报告
                (2024年度)
                部门单位名称(公章): 乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室
                …
                """)
            .AcceptsFile("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "The report as a Word document (.docx).", binary: true)
            .AcceptsFile("application/pdf", "The report as a PDF with text (a scanned PDF has none).", binary: true)
            .AcceptsFile("multipart/form-data", "One file field holding the report, its part typed as one of the above.", binary: true)
            .WithDescription("""
                上传一份部门单位整体支出绩效自评报告（UTF-8 文本、Word .docx 或 PDF），可直接作为请求体发送，也可用
                multipart/form-data（一个文件字段）。服务读取报告中的每个数字及其原文出处，保存为草稿（status 为 draft）并返回；
                报告所写的部门名称与已有部门一致时记录其编码。类型不符 415，文件过大 413，无法读取、已加密或不是自评报告 422，
                被拒绝的文件不保存任何内容。

                Uploads one whole-department self-evaluation report as UTF-8 text (text/plain), Word
                (.docx) or PDF (application/pdf), as the raw body (a file name may come in
                Content-Disposition) or as multipart/form-data with one file field. The report is read
                into a draft: every figure with its status (read, inferred, missing, conflicting) and the
                exact text it was read from. The draft is stored with status `draft`; when the report
                names an existing department (by its name) its code is recorded. A file of another type
                is 415, one past the size limits (ReportImports:MaxBytes and the others) 413, a damaged,
                encrypted or unrecognisable one 422; a refused file stores nothing. Reviewing and
                committing a draft come later.
                """)
            // The body is read by hand (its media types below): a type the readers do not take is their 415.
            .Produces<ReportImportResponse>(StatusCodes.Status201Created)
            .WithMetadata(new ReportFileBodyLimit())
            .RequireScope(Scopes.DataWrite);

        group.MapGet("/", (IMediator mediator, [AsParameters] ListReportImports query, CancellationToken ct) => mediator.Send(query, ct))
            .WithName("listReportImports")
            .WithSummary("报告草稿列表 List uploaded reports")
            .WithResponseDescription("A page of uploaded reports.")
            .WithExample("gyyq", "One uploaded report", response: ReportImportsExamples.ListReportImportsGyyq, notOnDemoData: ReportImportsExamples.NoUpload)
            .WithDescription("""
                已上传报告的列表（不含草稿正文），按上传时间倒序，游标分页。仅限部分区域或部门的客户端只能看到其部门的草稿，
                以及自己上传且未匹配到部门的草稿。

                Uploaded reports without their drafts (GET one for the draft), newest first, keyset-paged.
                A client limited to some regions or departments sees the drafts of its departments and the
                ones it uploaded that matched no department.
                """)
            .Produces<Application.Common.Page<ReportImportSummary>>()
            .RequireScope(Scopes.Read);

        group.MapGet("/{id:long}", (IMediator mediator, long id, CancellationToken ct) => mediator.Send(new GetReportImport(id), ct))
            .WithName("getReportImport")
            .WithSummary("报告草稿详情 Get an uploaded report")
            .WithParameter("id", "Id of the uploaded report.", example: 1)
            .WithResponseDescription("The uploaded report and its draft.")
            .WithExample("gyyq", "工业园区管理办公室's 2024 report, shortened", response: ReportImportsExamples.UploadReportGyyq, notOnDemoData: ReportImportsExamples.NoUpload)
            .WithDescription("""
                一份已上传的报告及其草稿：每个字段的状态、数值与原文出处（文本与偏移量，表格中还有单元格位置），以及需复核的标记。
                范围以外的草稿返回 404。

                One uploaded report and its draft: every field's status, value and evidence (the text and
                its offsets in the draft's `text`, and the cell for a table), and the flags a reviewer
                should look at. A draft outside a limited client's departments is 404.
                """)
            .Produces<ReportImportResponse>()
            .RequireScope(Scopes.Read);

        return api;
    }

    /// <summary>
    /// The file as sent: the raw body with its Content-Type (and a file name from Content-Disposition),
    /// or the one file of a multipart form with the part's own type and name.
    /// </summary>
    private static async Task<UploadReport> ReadUploadAsync(HttpRequest http, CancellationToken ct)
    {
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(ct);
            if (form.Files.Count != 1)
            {
                throw new Application.Common.BusinessRuleException("file", ProblemTexts.ReportFileRequired.Current);
            }

            var file = form.Files[0];
            using var content = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
            await file.CopyToAsync(content, ct);
            return new UploadReport(content.ToArray(), file.ContentType ?? "", NameOnly(file.FileName));
        }

        using var body = new MemoryStream(http.ContentLength is { } length and <= int.MaxValue ? (int)length : 0);
        await http.Body.CopyToAsync(body, ct);
        var fileName = ContentDispositionHeaderValue.TryParse(http.Headers.ContentDisposition.ToString(), out var disposition)
            ? NameOnly(disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value?.Trim('"'))
            : null;
        return new UploadReport(body.ToArray(), http.ContentType ?? "", fileName);
    }

    /// <summary>The name without any path a client put in front of it.</summary>
    private static string? NameOnly(string? fileName) =>
        string.IsNullOrWhiteSpace(fileName) ? null : fileName.Replace('\\', '/').Split('/')[^1];
}
