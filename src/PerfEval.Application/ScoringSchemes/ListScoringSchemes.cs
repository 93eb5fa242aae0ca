using FluentValidation;
using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.ScoringSchemes;

/// <summary>Scoring schemes in id order, keyset-paged, optionally one code's versions.</summary>
public sealed record ListScoringSchemes(string? Code = null, int Limit = Paging.DefaultLimit, string? Cursor = null,
    DateTimeOffset? UpdatedSince = null) : IQuery<Page<ScoringSchemeResponse>>
{
    internal sealed class Validator : AbstractValidator<ListScoringSchemes>
    {
        public Validator() => RuleFor(x => x.Limit).ValidLimit();
    }

    internal sealed class Handler(DbSession db) : IRequestHandler<ListScoringSchemes, Page<ScoringSchemeResponse>>
    {
        private const string ListSql = $"""
            SELECT {ScoringSchemeRow.Columns} FROM scoring_schemes
            WHERE (@After IS NULL OR id > @After) AND (@Code IS NULL OR code = @Code)
              AND (@UpdatedSince IS NULL OR updated_at > @UpdatedSince)
            ORDER BY id
            LIMIT @Take
            """;

        public async Task<Page<ScoringSchemeResponse>> Handle(ListScoringSchemes request, CancellationToken ct)
        {
            var rows = await db.QueryAsync<ScoringSchemeRow>(ListSql, new { After = Paging.DecodeId(request.Cursor), request.Code, request.UpdatedSince, Take = request.Limit + 1 }, ct);
            var page = Paging.ToPage(rows, request.Limit, r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var items = new List<ScoringSchemeResponse>(page.Items.Count);
            foreach (var row in page.Items)
            {
                items.Add(await GetScoringScheme.WithUsageAsync(db, row, ct));
            }

            return new Page<ScoringSchemeResponse>(items, page.NextCursor);
        }
    }
}
