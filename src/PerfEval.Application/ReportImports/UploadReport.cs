using System.Security.Cryptography;
using FluentValidation;
using MediatR;
using PerfEval.Application.Audit;
using PerfEval.Application.Common;

namespace PerfEval.Application.ReportImports;

/// <summary>
/// A report as a department sends it (UTF-8 text, Word .docx or PDF): read into a draft and stored
/// as one. A file the readers refuse stores nothing (<see cref="ReportFileRejectedException"/>).
/// </summary>
/// <param name="Content">The file's bytes.</param>
/// <param name="MediaType">The file's content type as sent.</param>
/// <param name="FileName">The file's name, when the client sent one.</param>
public sealed record UploadReport(ReadOnlyMemory<byte> Content, string MediaType, string? FileName)
    : ICommand<ReportImportResponse>, ISummarizedInAudit<ReportImportResponse>
{
    /// <summary>The file is not worth repeating in the audit log: what identifies it is.</summary>
    object ISummarizedInAudit<ReportImportResponse>.AuditSummary(ReportImportResponse created) => new
    {
        created.FileName,
        created.MediaType,
        created.FileSize,
        created.FileSha256,
        created.DepartmentCode,
        created.FiscalYear,
    };

    internal sealed class Validator : AbstractValidator<UploadReport>
    {
        public Validator()
        {
            // The media type is the readers' to judge (415 for one they do not take).
            RuleFor(x => x.FileName).MaximumLength(260);
        }
    }

    internal sealed class Handler(DbSession db, IReportFileReader files, IRequestContext context, TimeProvider clock)
        : IRequestHandler<UploadReport, ReportImportResponse>
    {
        // Only a department the client may see is matched: a limited client's report that names
        // another one stays unmatched (its own), and says nothing of what exists outside.
        private const string DepartmentByNameSql = """
            SELECT code FROM departments
            WHERE name = @Name
              AND (@Unrestricted = 1 OR region IN @Regions OR code IN @Departments)
            ORDER BY code
            LIMIT @Take
            """;

        private const string InsertSql = """
            INSERT INTO report_imports (client_name, status, file_name, media_type, file_size, file_sha256,
                department_code, fiscal_year, draft, version, created_at, updated_at)
            VALUES (@ClientName, @Status, @FileName, @MediaType, @FileSize, @FileSha256,
                @DepartmentCode, @FiscalYear, @Draft, 1, @Now, @Now)
            RETURNING id
            """;

        public async Task<ReportImportResponse> Handle(UploadReport request, CancellationToken ct)
        {
            var draft = ReportReader.Read(files.Read(request.Content, request.MediaType));
            var departmentCode = draft.Department is { Status: FieldStatus.Read, Value: { } name }
                ? await MatchDepartmentAsync(name, ct)
                : null;
            var id = await db.ExecuteScalarAsync<long>(InsertSql, new
            {
                context.ClientName,
                Status = ReportImportStatus.Draft,
                request.FileName,
                MediaType = request.MediaType.Split(';')[0].Trim().ToLowerInvariant(),
                FileSize = (long)request.Content.Length,
                FileSha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content.Span)),
                DepartmentCode = departmentCode,
                FiscalYear = draft.FiscalYear.Status == FieldStatus.Read ? draft.FiscalYear.Value : null,
                Draft = ReportDraftJson.Serialize(draft),
                Now = clock.GetUtcNow(),
            }, ct);
            return await GetReportImport.LoadAsync(db, id, ct);
        }

        private Task<string?> MatchDepartmentAsync(string name, CancellationToken ct) => MatchDepartmentAsync(db, context, name, ct);

        /// <summary>The one department of that name the client may see; none when no department or several have it.</summary>
        internal static async Task<string?> MatchDepartmentAsync(DbSession db, IRequestContext context, string name, CancellationToken ct)
        {
            var codes = (await db.QueryAsync<string>(DepartmentByNameSql, new
            {
                Name = name.Trim(),
                Take = 2,
                Unrestricted = context.IsRestricted() ? 0 : 1,
                context.Regions,
                context.Departments,
            }, ct)).ToList();
            return codes.Count == 1 ? codes[0] : null;
        }
    }
}
