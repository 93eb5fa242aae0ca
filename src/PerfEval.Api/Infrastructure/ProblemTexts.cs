using PerfEval.Application.Common;

namespace PerfEval.Api.Infrastructure;

/// <summary>
/// Every problem title and detail the API writes itself, in Chinese and English, in one place.
/// Titles are short noun phrases; details are whole sentences that say what to do next.
/// </summary>
internal static class ProblemTexts
{
    public static string? TitleOf(int status) => status switch
    {
        400 => BadRequest.Current,
        401 => new LocalText("未认证", "Unauthorized").Current,
        403 => Forbidden.Current,
        404 => NotFound.Current,
        405 => new LocalText("方法不被允许", "Method not allowed").Current,
        406 => new LocalText("无法提供可接受的表示", "Not acceptable").Current,
        409 => Conflict.Current,
        412 => PreconditionFailed.Current,
        413 => new LocalText("请求体过大", "Payload too large").Current,
        415 => new LocalText("不支持的媒体类型", "Unsupported media type").Current,
        422 => BusinessRule.Current,
        428 => PreconditionRequired.Current,
        429 => new LocalText("请求过多", "Too many requests").Current,
        499 => new LocalText("客户端已关闭请求", "Client closed request").Current,
        500 => new LocalText("服务内部错误", "Internal server error").Current,
        503 => new LocalText("服务暂不可用", "Service unavailable").Current,
        _ => null,
    };

    /// <summary>The detail of a problem raised only by its status code (authentication, routing, method).</summary>
    public static string? DetailOf(int status) => status switch
    {
        401 => new LocalText("请在 X-Api-Key 中提供有效的 API 密钥，或提供有效的持有者令牌。", "Send a valid API key in X-Api-Key, or a valid bearer token.").Current,
        403 => new LocalText("此客户端没有执行该操作所需的权限范围。", "This client does not have the scope this operation needs.").Current,
        404 => new LocalText("没有这样的资源：请检查路径。", "There is no such resource: check the path.").Current,
        405 => new LocalText("此路径不接受该 HTTP 方法。", "This path does not take that HTTP method.").Current,
        413 => PayloadTooLarge.Current,
        415 => UnsupportedMediaType.Current,
        500 => Unexpected.Current,
        _ => null,
    };

    public static readonly LocalText BadRequest = new("请求无效", "Bad request");
    public static readonly LocalText Invalid = new("请求未通过校验", "The request is not valid");
    public static readonly LocalText InvalidDetail = new("errors 列出了每个必须修改的字段。", "See errors for every field that must change.");
    public static readonly LocalText Forbidden = new("禁止访问", "Forbidden");
    public static readonly LocalText NotFound = new("未找到", "Not found");
    public static readonly LocalText NotFoundDetail = new("{0}“{1}”不存在。", "{0} '{1}' was not found.");
    public static readonly LocalText Conflict = new("冲突", "Conflict");
    public static readonly LocalText YearClosed = new("财政年度已关闭", "The fiscal year is closed");
    public static readonly LocalText YearClosedDetail = new("{0} 财政年度已关闭，其数据不能再修改。", "Fiscal year {0} is closed; its data can no longer change.");
    public static readonly LocalText AlreadyExists = new("该资源已存在，或刚被另一请求创建。", "The resource already exists, or was just created by another request.");
    public static readonly LocalText BusinessRule = new("请求违反业务规则", "The request breaks a business rule");
    public static readonly LocalText PreconditionFailed = new("前提条件不成立", "Precondition failed");
    public static readonly LocalText PreconditionFailedDetail = new("{0}“{1}”已不是版本 {2}：请重新读取后再修改。", "{0} '{1}' is no longer at version {2}: read it again and re-apply the change.");
    public static readonly LocalText AlreadyExistsDetail = new("{0}“{1}”已存在：如要修改，请在 If-Match 中提供其版本。", "{0} '{1}' already exists: send If-Match with its version to change it.");
    public static readonly LocalText IfNoneMatchOnPut = new("PUT 的 If-None-Match 只接受 *（仅在尚不存在时创建）。", "On a PUT, If-None-Match takes only * (create only when it does not exist yet).");
    public static readonly LocalText EvaluationETag = new(
        "If-Match 与该资源的任何版本都不符：修改自评时请发送自评本身的 ETag（每次 PUT 自评的响应中都有，如 \"3\"），而不是评价结果的 ETag。",
        "If-Match names no version of this resource: to change an evaluation, send the evaluation's own ETag (every PUT of it answers with one, e.g. \"3\"), not the scorecard's.");
    public static readonly LocalText PreconditionRequired = new("缺少前提条件", "Precondition required");
    public static readonly LocalText PreconditionRequiredDetail = new("请在 If-Match 中提供所读取版本的 ETag（先 GET 该资源）。", "Send If-Match with the ETag of the version you read (GET the resource first).");
    public static readonly LocalText IfMatchFormat = new("If-Match 须为读取资源时得到的强 ETag，例如 \"3\"。", "If-Match takes the strong ETag the resource was read with, e.g. \"3\".");
    public static readonly LocalText PayloadTooLarge = new("请求体超过此端点允许的大小。", "The request body is larger than this endpoint accepts.");
    public static readonly LocalText UnsupportedMediaType = new("请以 application/json 发送请求体。", "Send the body as application/json.");
    public static readonly LocalText Unreadable = new("无法读取请求：请检查路径、查询字符串和请求体。", "The request could not be read: check the route, query string and body.");
    public static readonly LocalText MissingFields = new("{0} 处缺少必填字段：{1}。", "Required fields are missing at {0}: {1}.");
    public static readonly LocalText BadJson = new("请求体在 {0}（第 {1} 行）处不是此请求可接受的 JSON：请检查值的类型，并确认每个字段都是此端点接受的字段。", "The body is not valid JSON for this request at {0} (line {1}): check the value's type and that every field is one this endpoint takes.");
    public static readonly LocalText Unavailable = new("数据库暂不可用：请在 Retry-After 指定的时间后重试。", "The database is temporarily unavailable; retry after the time in Retry-After.");
    public static readonly LocalText StorageUnavailable = new("数据存储暂时无法写入（磁盘已满、只读或无法访问）：请在 Retry-After 指定的时间后重试。", "The data store cannot be written to right now (disk full, read-only or inaccessible); retry after the time in Retry-After.");
    public static readonly LocalText Unexpected = new("故障已记录；报告时请提供 traceId。", "The failure was logged; quote the traceId when reporting it.");
    public static readonly LocalText TooManyRequests = new("此客户端一分钟内的请求超过 {0} 次；请在 {1} 秒后重试。", "This client sent more than {0} requests in a minute; retry after {1} s.");
    public static readonly LocalText NotOneOf = new("“{0}”不是以下之一：{1}。", "'{0}' is not one of: {1}.");
    public static readonly LocalText SortOrder = new("order 只能是 'asc' 或 'desc'。", "order is 'asc' or 'desc'.");
    public static readonly LocalText IdempotencyKeyRequired = new("必须提供 Idempotency-Key 请求头：每个请求一个唯一键，例如 UUID。", "The Idempotency-Key header is required: a unique key per request, e.g. a UUID.");
    public static readonly LocalText IdempotencyKeyOnce = new("只能发送一个 Idempotency-Key 请求头。", "Send one Idempotency-Key header.");
    public static readonly LocalText ReportUnsupportedType = new(
        "报告须为 UTF-8 文本（text/plain）、Word 文档（.docx）或 PDF（application/pdf），且内容与所声明的类型一致（不接受旧版 .doc）。",
        "Send the report as UTF-8 text (text/plain), a Word document (.docx) or a PDF (application/pdf), its bytes matching the type sent (a legacy .doc is not read).");
    public static readonly LocalText ReportTooLarge = new("报告文件超过允许的大小：请拆分或压缩后重新上传。", "The report file is larger than is accepted: split or shrink it and upload it again.");
    public static readonly LocalText ReportInflatesTooFar = new("Word 文件解压后过大，不像正常的报告（可能是压缩炸弹）。", "The Word file inflates far beyond what a report does (it may be a zip bomb).");
    public static readonly LocalText ReportTooManyPages = new("PDF 页数超过允许的上限。", "The PDF has more pages than are read.");
    public static readonly LocalText ReportTooMuchText = new("报告文字（段落、行或字符）超过允许的上限。", "The report holds more text (paragraphs, lines or characters) than is read.");
    public static readonly LocalText ReportEncrypted = new("文件受密码保护或已加密：请上传未加密的文件。", "The file is password-protected or encrypted: upload it unprotected.");
    public static readonly LocalText ReportMalformed = new("文件已损坏或不是有效的该类型文件（文本须为 UTF-8 编码）。", "The file is damaged or not valid for its type (text must be UTF-8).");
    public static readonly LocalText ReportNotAReport = new("文件中找不到自评报告的内容（标题中的年度或部门，以及金额等数字）；扫描件无法识别文字。", "Nothing in the file reads as a self-evaluation report (a year or department in its title, and figures); a scanned PDF has no text to read.");
    public static readonly LocalText ReportFileRequired = new("multipart/form-data 请求须且只能包含一个文件字段。", "A multipart/form-data request takes exactly one file field.");
    public static readonly LocalText IdempotencyKeyFormat = new("Idempotency-Key 须为 1 至 255 个字母、数字或 - _ . : 字符（最好是 UUID）。", "The Idempotency-Key must be 1 to 255 characters of letters, digits and - _ . : (a UUID is ideal).");
}
