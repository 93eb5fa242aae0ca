using PerfEval.Application.Common;
using PerfEval.Application.Scoring;
using PerfEval.Application.ScoringSchemes;

namespace PerfEval.Application.FiscalYears;

/// <summary>The scoring scheme (and version) a fiscal year's scorecards are computed with.</summary>
public sealed record YearScheme(long SchemeId, string Code, int Version, string Name, ScoringSchemeSettings Settings)
{
    private const string SchemeOfYearSql = """
        SELECT s.id AS SchemeId, s.code AS Code, s.version AS Version, s.name AS Name, s.settings AS Settings, y.status AS Status
        FROM fiscal_years y JOIN scoring_schemes s ON s.id = y.scoring_scheme_id
        WHERE y.year = @Year
        """;

    internal static async Task<YearScheme> LoadAsync(DbSession db, int year, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(SchemeOfYearSql, new { Year = year }, ct)
            ?? throw new NotFoundException("Fiscal year", year);
        return new YearScheme(row.SchemeId, row.Code, row.Version, row.Name, SchemeSettingsJson.Parse(row.Settings));
    }

    private sealed record Row
    {
        public long SchemeId { get; init; }
        public required string Code { get; init; }
        public int Version { get; init; }
        public required string Name { get; init; }
        public required string Settings { get; init; }
    }
}
