using MediatR;
using Microsoft.Net.Http.Headers;
using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using PerfEval.Application.ReportImports;
using PerfEval.Api.OpenApi;
using PerfEval.Api.Endpoints.Examples;

namespace PerfEval.Api.Endpoints;

/// <summary>Reports in: a department's report uploaded as it is written, read into a draft a reviewer corrects and commits.</summary>
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
                encrypted or unrecognisable one 422; a refused file stores nothing. A reviewer then
                corrects the draft (PATCH) and commits it.
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

        group.MapPatch("/{id:long}", (IMediator mediator, Preconditions preconditions, HttpRequest http, long id, CorrectReportImport body, CancellationToken ct) =>
                mediator.Send(body with { Id = id, ExpectedVersion = preconditions.ExpectedVersion(http) }, ct))
            .WithName("correctReportImport")
            .WithSummary("更正草稿字段 Correct fields of a report draft")
            .WithParameter("id", "Id of the uploaded report.", example: 1)
            .WithRequestDescription("The fields to correct, each by its path in the draft, with its new value (null clears it).")
            .WithResponseDescription("The import with its corrected draft; the ETag is its new version.")
            .WithExample("operator", "The reviewer states indicator 2's operator, which the report did not print",
                request: ReportImportsExamples.CorrectOperatorRequest, response: ReportImportsExamples.UploadReportGyyq, notOnDemoData: ReportImportsExamples.NoUpload)
            .WithDescription("""
                复核人按字段路径更正草稿（路径与复核标记中的 path 相同，如 indicators[2].operator、budget.initial、departmentCode）。
                更正后的字段状态为 corrected，原文出处保留；值为 null 则清空该字段（missing）。须带 If-Match（草稿的版本，即 ETag），
                版本不符 412，未带 428；路径或取值不符合字段 422；已提交的草稿 409。

                A reviewer corrects fields of a draft, each named by its path in the draft's JSON (the
                same path a review flag names: `indicators[2].operator`, `budget.initial`,
                `departmentCode`). A corrected field takes the value given and the status `corrected`;
                its readings stay as the evidence of what the report printed. A null value clears the
                field (status `missing`). If-Match with the import's version (its ETag) is required:
                412 when stale, 428 without. A path that names no field, or a value that does not fit
                the field, is 422 naming the path; a committed draft is 409.
                """)
            .Produces<ReportImportResponse>()
            .RequireScope(Scopes.DataWrite);

        group.MapPost("/{id:long}/commit", async (IMediator mediator, ScorecardJsonWriter json, HttpRequest http, long id, bool? replace, CancellationToken ct) =>
                json.Write(await mediator.Send(new CommitReportImport(id) { Replace = replace ?? false, Language = Language.Of(http) }, ct)))
            .WithName("commitReportImport")
            .WithSummary("提交导入 Commit an imported report")
            .WithParameter("id", "Id of the uploaded report.", example: 1)
            .WithParameter("replace", "true: replace the department-year's existing data with the report's; without it, existing data is 409.", @default: false)
            .WithResponseDescription("The department-year's scorecard as committed.")
            .WithExample("gyyq", "工业园区管理办公室 2024: composite 99.48, 优", response: EvaluationsExamples.GetScorecardGyyq, notOnDemoData: ReportImportsExamples.NoUpload)
            .FollowsAcceptLanguage()
            .Produces<Application.Evaluations.ScorecardResponse>()
            .WithDescription("""
                在一个事务中经由常规命令（及其校验）写入草稿：部门（按名称匹配已有部门，否则以草稿中确认的编码与区域新建）、
                缺失时新建财政年度、预算行与年中调整、绩效指标以及评价的申报数。返回该部门年度的评分卡及其发现（与评分卡 GET 相同）。
                报告未写明的资金来源、指标类别和文号记为“未注明”，不作推测。草稿有缺失或冲突的必填字段时 422，并逐一列出字段和原因；
                该部门年度已有数据时 409，除非以 replace=true 明确要求替换；年度已关闭 409。重复提交同一草稿返回同样的结果，不重复创建。

                Writes the draft in one transaction through the ordinary commands and their validation:
                the department (the existing one of the report's name, else a new one with the draft's
                confirmed `departmentCode` and `region`), the fiscal year when missing, budget lines and
                the year's adjustment, indicators and the evaluation's declared figures. Answers the
                department-year's scorecard with its findings, as the scorecard GET does. What the
                report does not state (a line's funding source, an indicator's category, an
                adjustment's document number) is stored as unstated, never guessed. A draft with
                missing or conflicting required fields is 422, each field named with why; a
                department-year that already has data is 409 unless `replace=true` asks to replace it;
                a closed year is 409. Committing the same draft again answers the same and creates
                nothing.
                """)
            .RequireScope(Scopes.DataWrite);

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
