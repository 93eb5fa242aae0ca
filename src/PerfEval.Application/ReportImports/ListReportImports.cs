using System.Globalization;
using FluentValidation;
using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.ReportImports;

/// <summary>Uploaded reports, newest first, keyset-paged; a limited client sees those of its departments and its own unmatched ones.</summary>
public sealed record ListReportImports(int Limit = Paging.DefaultLimit, string? Cursor = null) : IQuery<Page<ReportImportSummary>>
{
    internal sealed class Validator : AbstractValidator<ListReportImports>
    {
        public Validator() => RuleFor(x => x.Limit).ValidLimit();
    }

    internal sealed class Handler(DbSession db, IRequestContext context) : IRequestHandler<ListReportImports, Page<ReportImportSummary>>
    {
        private const string ListSql = $"""
            SELECT {ReportImportRow.Columns} FROM report_imports
            WHERE (@Before IS NULL OR id < @Before)
              AND (@Unrestricted = 1
                   OR (department_code IS NULL AND client_name = @ClientName)
                   OR department_code IN @Departments
                   OR department_code IN (SELECT d.code FROM departments d WHERE d.region IN @Regions))
            ORDER BY id DESC
            LIMIT @Take
            """;

        public async Task<Page<ReportImportSummary>> Handle(ListReportImports request, CancellationToken ct)
        {
            var rows = await db.QueryAsync<ReportImportRow>(ListSql, new
            {
                Before = Paging.DecodeId(request.Cursor),
                Unrestricted = context.IsRestricted() ? 0 : 1,
                context.ClientName,
                context.Departments,
                context.Regions,
                Take = request.Limit + 1,
            }, ct);
            return Paging.ToPage(
                rows.Select(r => new ReportImportSummary(r.Id, r.Status, r.DepartmentCode, r.FiscalYear, r.FileName, r.MediaType,
                    r.FileSize, r.FileSha256, r.ClientName, r.Version, r.CreatedAt, r.UpdatedAt, r.CommittedAt)),
                request.Limit,
                r => r.Id.ToString(CultureInfo.InvariantCulture));
        }
    }
}
