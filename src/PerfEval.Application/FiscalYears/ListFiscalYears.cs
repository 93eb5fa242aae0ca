using FluentValidation;
using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.FiscalYears;

/// <summary>Fiscal years, newest first, keyset-paged, optionally by status.</summary>
public sealed record ListFiscalYears(FiscalYearStatus? Status = null, int Limit = Paging.DefaultLimit, string? Cursor = null,
    DateTimeOffset? UpdatedSince = null)
    : IQuery<Page<FiscalYearResponse>>
{
    internal sealed class Validator : AbstractValidator<ListFiscalYears>
    {
        public Validator() => RuleFor(x => x.Limit).ValidLimit();
    }

    internal sealed class Handler(DbSession db) : IRequestHandler<ListFiscalYears, Page<FiscalYearResponse>>
    {
        private const string ListSql = $"""
            SELECT {FiscalYearResponse.Columns} FROM {FiscalYearResponse.From}
            WHERE (@Before IS NULL OR y.year < @Before) AND (@Status IS NULL OR y.status = @Status)
              AND (@UpdatedSince IS NULL OR y.updated_at > @UpdatedSince)
            ORDER BY y.year DESC
            LIMIT @Take
            """;

        public async Task<Page<FiscalYearResponse>> Handle(ListFiscalYears request, CancellationToken ct)
        {
            var rows = await db.QueryAsync<FiscalYearResponse>(ListSql, new
            {
                Before = Paging.DecodeId(request.Cursor),
                Status = Sql.Name(request.Status),
                request.UpdatedSince,
                Take = request.Limit + 1,
            }, ct);
            return Paging.ToPage(rows, request.Limit, y => y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
