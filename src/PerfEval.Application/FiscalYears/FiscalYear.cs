using PerfEval.Application.Common;

namespace PerfEval.Application.FiscalYears;

/// <summary>A fiscal year (年度), its stage and the scoring scheme its scorecards use.</summary>
public sealed record FiscalYearResponse : IVersioned
{
    public const string Columns = """
        y.year AS Year, y.status AS Status, y.scoring_scheme_id AS ScoringSchemeId, s.code AS ScoringSchemeCode,
        s.version AS ScoringSchemeVersion, y.row_version AS Version, y.updated_at AS UpdatedAt, y.closed_at AS ClosedAt
        """;

    public const string From = "fiscal_years y JOIN scoring_schemes s ON s.id = y.scoring_scheme_id";

    public int Year { get; init; }
    public FiscalYearStatus Status { get; init; }
    public long ScoringSchemeId { get; init; }
    public required string ScoringSchemeCode { get; init; }
    public int ScoringSchemeVersion { get; init; }
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
}
