using PerfEval.Application.Common;

namespace PerfEval.Application.FiscalYears;

/// <summary>A fiscal year (年度): its stage and the scoring scheme its scorecards use.</summary>
public sealed record FiscalYearResponse : IVersioned
{
    /// <summary>The table's columns as Dapper reads them into this record.</summary>
    public const string Columns = """
        y.year AS Year, y.status AS Status, y.scoring_scheme_id AS ScoringSchemeId, s.code AS ScoringSchemeCode,
        s.version AS ScoringSchemeVersion, y.row_version AS Version, y.updated_at AS UpdatedAt, y.closed_at AS ClosedAt
        """;

    /// <summary>The response of a stored row.</summary>
    public const string From = "fiscal_years y JOIN scoring_schemes s ON s.id = y.scoring_scheme_id";

    /// <summary>The fiscal year (年度), a calendar year.</summary>
    public int Year { get; init; }
    /// <summary>Stage of the fiscal year (open → evaluation → closed, forward only).</summary>
    public FiscalYearStatus Status { get; init; }
    /// <summary>Id of the scoring scheme (评分方案) the year's scorecards are computed with.</summary>
    public long ScoringSchemeId { get; init; }
    /// <summary>Code of that scoring scheme, e.g. `default`.</summary>
    public required string ScoringSchemeCode { get; init; }
    /// <summary>Version number of that scoring scheme.</summary>
    public int ScoringSchemeVersion { get; init; }
    /// <summary><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.Version"/></summary>
    public int Version { get; init; }
    /// <summary><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.UpdatedAt"/></summary>
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>When the year was closed (UTC); null while it is open or in evaluation.</summary>
    public DateTimeOffset? ClosedAt { get; init; }
}
