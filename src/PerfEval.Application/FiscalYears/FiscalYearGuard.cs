using PerfEval.Application.Common;

namespace PerfEval.Application.FiscalYears;

/// <summary>Every write to a year's data checks, in the same transaction, that the year exists and is not closed.</summary>
internal static class FiscalYearGuard
{
    private const string StatusSql = "SELECT status FROM fiscal_years WHERE year = @Year";

    private const string SchemeExistsSql = "SELECT COUNT(*) FROM scoring_schemes WHERE id = @Id";

    public static async Task EnsureSchemeExistsAsync(this DbSession db, long schemeId, CancellationToken ct)
    {
        if (await db.ExecuteScalarAsync<int>(SchemeExistsSql, new { Id = schemeId }, ct) == 0)
        {
            throw new BusinessRuleException("scoringSchemeId", Messages.SchemeMissing.Format(schemeId));
        }
    }

    /// <summary>Null when the year does not exist.</summary>
    public static async Task<FiscalYearStatus?> StatusOfYearAsync(this DbSession db, int year, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<string>(StatusSql, new { Year = year }, ct) is { } status
            ? Enum.Parse<FiscalYearStatus>(status)
            : null;

    public static async Task EnsureWritableAsync(this DbSession db, int year, CancellationToken ct)
    {
        var status = await db.StatusOfYearAsync(year, ct) ?? throw new NotFoundException("Fiscal year", year);
        if (status == FiscalYearStatus.Closed)
        {
            throw new FiscalYearClosedException(year);
        }
    }
}
