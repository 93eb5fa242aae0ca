using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.ReportImports;

/// <summary>One uploaded report and its draft.</summary>
public sealed record GetReportImport(long Id) : IQuery<ReportImportResponse>, IAddressedById
{
    internal const string Resource = "Report import";

    string IAddressedById.Resource => Resource;

    string IAddressedById.DepartmentOfSql => "SELECT department_code FROM report_imports WHERE id = @Id";

    private const string SelectSql = $"SELECT {ReportImportRow.Columns} FROM report_imports WHERE id = @Id";

    internal static async Task<ReportImportResponse> LoadAsync(DbSession db, long id, CancellationToken ct) =>
        (await db.QuerySingleOrDefaultAsync<ReportImportRow>(SelectSql, new { Id = id }, ct))?.ToResponse()
        ?? throw new NotFoundException(Resource, id);

    internal sealed class Handler(DbSession db, IRequestContext context) : IRequestHandler<GetReportImport, ReportImportResponse>
    {
        public async Task<ReportImportResponse> Handle(GetReportImport request, CancellationToken ct)
        {
            var row = await db.QuerySingleOrDefaultAsync<ReportImportRow>(SelectSql, new { request.Id }, ct);
            return row is not null && row.VisibleTo(context)
                ? row.ToResponse()
                : throw new NotFoundException(Resource, request.Id);
        }
    }
}
