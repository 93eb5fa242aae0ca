using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.ScoringSchemes;

public sealed record GetScoringScheme(long Id) : IQuery<ScoringSchemeResponse>
{
    private const string SelectSql = $"SELECT {ScoringSchemeRow.Columns} FROM scoring_schemes WHERE id = @Id";

    private const string DefaultSql = $"SELECT {ScoringSchemeRow.Columns} FROM scoring_schemes WHERE code = 'default' ORDER BY version DESC LIMIT @One";

    internal static async Task<ScoringSchemeResponse> LoadAsync(DbSession db, long id, CancellationToken ct) =>
        await WithUsageAsync(db, await db.QuerySingleOrDefaultAsync<ScoringSchemeRow>(SelectSql, new { Id = id }, ct) ?? throw new NotFoundException("Scoring scheme", id), ct);

    /// <summary>The newest version of the default scheme: what a new year and a preview use unless told otherwise.</summary>
    internal static async Task<ScoringSchemeResponse> LoadDefaultAsync(DbSession db, CancellationToken ct) =>
        await WithUsageAsync(db, await db.QuerySingleOrDefaultAsync<ScoringSchemeRow>(DefaultSql, new { One = 1 }, ct) ?? throw new NotFoundException("Scoring scheme", "default"), ct);

    internal static async Task<ScoringSchemeResponse> WithUsageAsync(DbSession db, ScoringSchemeRow row, CancellationToken ct)
    {
        var usedBy = await db.QueryAsync<(int Year, string Status)>(ScoringSchemeRow.UsedBySql, new { row.Id }, ct);
        return row.ToResponse([.. usedBy]);
    }

    internal sealed class Handler(DbSession db) : IRequestHandler<GetScoringScheme, ScoringSchemeResponse>
    {
        public Task<ScoringSchemeResponse> Handle(GetScoringScheme request, CancellationToken ct) => LoadAsync(db, request.Id, ct);
    }
}
